package org.vigil.adapters.hl7.wire;

/**
 * The infusion pump terms of IEEE 11073-10101 that Vigil reads, as IHE PCD uses them: the PCD-01 pump
 * containment ({@code MDC_DEV_PUMP_INFUS_MDS}, delivery and source channels, {@code MDC_PUMP_STAT}) and the
 * IPEC pump model ({@code MDC_PUMP_INFUSING_STATUS}, {@code MDC_DEV_PUMP_CURRENT_DELIVERY_STATUS}, the
 * {@code MDC_EVT_PUMP_DELIV_*} events). Sources: IHE PCD Infusion Pump Event Communication (IPEC)
 * supplement rev. 1.5, tables X.1.2-1 and X.1.2.1-1 and the sample message; IHE PCD "PCD Event Nomenclature
 * from Rosetta" (wiki, 2010). Codes the supplement lists as pending are matched by reference id only.
 */
final class PumpTerms {

    static final MdcTerm PUMP_MDS = MdcTerm.of(69985, "MDC_DEV_PUMP_INFUS_MDS");
    static final MdcTerm PUMP_VMD = MdcTerm.of(69986, "MDC_DEV_PUMP_INFUS_VMD");
    static final MdcTerm LVP_MDS = MdcTerm.of(70049, "MDC_DEV_PUMP_INFUS_LVP_MDS");
    static final MdcTerm LVP_VMD = MdcTerm.of(70050, "MDC_DEV_PUMP_INFUS_LVP_VMD");

    static final MdcTerm RATE = MdcTerm.of(157784, "MDC_FLOW_FLUID_PUMP");
    static final MdcTerm VOLUME_TO_BE_INFUSED = MdcTerm.of(157884, "MDC_VOL_FLUID_TBI");
    static final MdcTerm VOLUME_REMAINING = MdcTerm.of(157872, "MDC_VOL_FLUID_TBI_REMAIN");
    static final MdcTerm VOLUME_DELIVERED_TOTAL = MdcTerm.of(157993, "MDC_VOL_FLUID_DELIV_TOTAL");
    static final MdcTerm VOLUME_DELIVERED = MdcTerm.of(157864, "MDC_VOL_FLUID_DELIV");
    static final MdcTerm TIME_REMAINING = MdcTerm.of(157916, "MDC_TIME_PD_REMAIN");
    static final MdcTerm DOSE_RATE = MdcTerm.of(157924, "MDC_RATE_DOSE");
    static final MdcTerm CONCENTRATION = MdcTerm.of(157760, "MDC_CONC_DRUG");
    static final MdcTerm DRUG_NAME = MdcTerm.of(184330, "MDC_DRUG_NAME_TYPE");
    static final MdcTerm DRUG_LABEL = MdcTerm.of(184514, "MDC_DRUG_NAME_LABEL");

    static final MdcTerm PUMP_STATUS = MdcTerm.of(184508, "MDC_PUMP_STAT");
    static final MdcTerm INFUSING_STATUS = MdcTerm.of(184519, "MDC_PUMP_INFUSING_STATUS");
    static final MdcTerm DELIVERY_STATUS = MdcTerm.of(0, "MDC_DEV_PUMP_CURRENT_DELIVERY_STATUS",
            "MDC_PUMP_CURRENT_DELIVERY_STATUS");
    static final MdcTerm NOT_DELIVERING_REASON = MdcTerm.of(0, "MDC_DEV_PUMP_NOT_DELIVERING_REASON",
            "MDC_PUMP_NOT_DELIVERING_REASON");
    static final MdcTerm ACTIVE_SOURCES = MdcTerm.of(0, "MDC_DEV_PUMP_ACTIVE_SOURCES", "MDC_PUMP_ACTIVE_SOURCES");

    /** OBX-3 of the PCD-10 row whose OBX-5 is the event (IPEC sample message, OBX 3). */
    static final MdcTerm EVENT_CONDITION = MdcTerm.of(68487, "MDC_ATTR_EVT_COND", "MDCX_ATTR_EVT_COND");
    /** OBX-3 of a PCD-01 row whose OBX-5 is an alarm condition of the pump (Rosetta, pump events). */
    static final MdcTerm ALARM_CONDITION = MdcTerm.of(68012, "MDC_ATTR_AL_COND");

    static final MdcTerm DELIVERY_START = MdcTerm.of(197288, "MDC_EVT_PUMP_DELIV_START",
            "MDCX_PUMP_DELIV_START", "MDCX_EVT_PUMP_DELIV_START");
    static final MdcTerm DELIVERY_STOP = MdcTerm.of(0, "MDC_EVT_PUMP_DELIV_STOP",
            "MDCX_PUMP_DELIV_STOP", "MDCX_EVT_PUMP_DELIV_STOP");
    static final MdcTerm DELIVERY_COMPLETE = MdcTerm.of(0, "MDC_EVT_PUMP_DELIV_COMP",
            "MDCX_PUMP_DELIV_COMP", "MDCX_EVT_PUMP_DELIV_COMP");

    private static final MdcTerm[] PUMP_DEVICES = {PUMP_MDS, PUMP_VMD, LVP_MDS, LVP_VMD};
    private static final MdcTerm[] PUMP_METRICS = {RATE, VOLUME_TO_BE_INFUSED, VOLUME_REMAINING,
            VOLUME_DELIVERED_TOTAL, VOLUME_DELIVERED, DOSE_RATE, DRUG_NAME, DRUG_LABEL, PUMP_STATUS,
            INFUSING_STATUS, DELIVERY_STATUS};

    private PumpTerms() {
    }

    /**
     * Whether a row says its MDS is an infusion pump: a pump MDS, VMD or channel row (every reference id of
     * the pump containment starts {@code MDC_DEV_PUMP}), or a metric only pumps report.
     */
    static boolean isPumpRow(ObxRow row) {
        if (row.referenceId().startsWith("MDC_DEV_PUMP")) {
            return true;
        }
        for (MdcTerm term : PUMP_DEVICES) {
            if (row.is(term)) {
                return true;
            }
        }
        for (MdcTerm term : PUMP_METRICS) {
            if (row.is(term)) {
                return true;
            }
        }
        return false;
    }
}
