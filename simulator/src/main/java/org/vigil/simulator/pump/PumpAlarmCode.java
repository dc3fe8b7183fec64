package org.vigil.simulator.pump;

/**
 * The alarms the simulated pump raises (docs/DOMAIN.md, "Infusion pumps"), with the code the serial protocol carries
 * and the IEEE 11073-10101 event an IHE PCD-04 alarm message names. High-priority alarms stop the infusion.
 *
 * <p>Event codes: {@code 196940 MDC_EVT_FLUID_LINE_OCCL} as a pump sends it in a PCD-04 occlusion alarm (Philips
 * IntelliBridge / B. Braun example messages), {@code 196802 MDC_EVT_BATT_LO} (3::194). For the others no numeric
 * code could be confirmed; they are sent with code {@code 0} and their reference id, the convention the IHE PCD
 * Technical Framework uses for terms whose code is pending (IPEC supplement Rev. 1.5, X.1.2.2).
 */
public enum PumpAlarmCode {
    OCCL_DOWN("Downstream occlusion", Priority.HIGH, "196940^MDC_EVT_FLUID_LINE_OCCL^MDC"),
    OCCL_UP("Upstream occlusion", Priority.HIGH, "0^MDC_EVT_FLUID_LINE_OCCL_PROXIMAL^MDC"),
    AIR("Air in line", Priority.HIGH, "0^MDC_EVT_FLUID_LINE_AIR^MDC"),
    DOOR("Door open", Priority.HIGH, "0^MDC_EVT_DOOR_POSN_ERR^MDC"),
    COMPLETE("Infusion complete", Priority.MEDIUM, "0^MDC_EVT_VOL_INFUS_COMP^MDC"),
    BATT_LOW("Low battery", Priority.LOW, "196802^MDC_EVT_BATT_LO^MDC");

    /** IEC 60601-1-8 priorities, written PH / PM / PL in PCD-04. */
    public enum Priority {
        HIGH("PH"), MEDIUM("PM"), LOW("PL");

        final String hl7;

        Priority(String hl7) {
            this.hl7 = hl7;
        }
    }

    final String text;
    final Priority priority;
    final String mdcEvent;

    PumpAlarmCode(String text, Priority priority, String mdcEvent) {
        this.text = text;
        this.priority = priority;
        this.mdcEvent = mdcEvent;
    }

    public String text() {
        return text;
    }

    public Priority priority() {
        return priority;
    }

    /** High-priority pump alarms stop the infusion (docs/DOMAIN.md). */
    public boolean stopsInfusion() {
        return priority == Priority.HIGH;
    }
}
