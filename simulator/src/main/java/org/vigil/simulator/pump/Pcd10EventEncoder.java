package org.vigil.simulator.pump;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * IHE PCD-10 "Communicate Infusion Event Data", {@code ORU^R42^ORU_R01} (IPEC supplement Rev. 1.5, 3.10 and
 * X.1.1): one event per message, named at MDS level by {@code MDC_ATTR_EVT_COND} (code 0, pending in the
 * supplement) with the event term as value, followed by the delivery parameters at the moment of the event.
 * Events (Table X.1.2-1): {@code 197288 MDC_EVT_PUMP_DELIV_START} (as in the supplement's sample) for a start, a
 * restart at a new rate and the switch to KVO; {@code 197292 MDC_EVT_PUMP_DELIV_COMP} for completion (code as
 * seen in pump captures); {@code MDC_EVT_PUMP_DELIV_STOP} for a stop or pause, its code unconfirmed and sent as
 * {@code 0}. A stop gives its reason in {@code MDC_DEV_PUMP_NOT_DELIVERING_REASON}: {@code
 * pump-stopped-alarming} while a stopping alarm is active, else {@code pump-stopped-by-clinician}.
 */
public final class Pcd10EventEncoder {

    public static final String MESSAGE_PROFILE = "IHE_PCD_010^IHE PCD^1.3.6.1.4.1.19376.1.6.4.10^ISO";
    static final String DELIVERY_START = "197288^MDC_EVT_PUMP_DELIV_START^MDC";
    static final String DELIVERY_STOP = "0^MDC_EVT_PUMP_DELIV_STOP^MDC";
    static final String DELIVERY_COMPLETE = "197292^MDC_EVT_PUMP_DELIV_COMP^MDC";

    private Pcd10EventEncoder() {
    }

    /** @throws IllegalArgumentException for an alarm event, which is PCD-04's */
    public static String encode(PumpIdentity pump, String controlId, Instant at, PumpEvent event) {
        String eventTerm = switch (event.kind()) {
            case DELIVERY_STARTED, KVO_STARTED, RATE_CHANGED -> DELIVERY_START;
            case DELIVERY_STOPPED -> DELIVERY_STOP;
            case DELIVERY_COMPLETED -> DELIVERY_COMPLETE;
            case ALARM_RAISED, ALARM_CLEARED -> throw new IllegalArgumentException(
                    "alarms go in PCD-04 messages, not PCD-10: " + event.kind());
        };
        PumpSnapshot snapshot = event.after();
        StringBuilder message = PumpHl7.header(pump, controlId, at, "ORU^R42^ORU_R01", MESSAGE_PROFILE,
                Pcd01PumpEncoder.MONITORING_OF_PATIENT, controlId, null);
        List<String> rows = new ArrayList<>();
        rows.add(PumpHl7.mdsRow(pump, at));
        rows.add("CWE|0^MDC_ATTR_EVT_COND^MDC|1.0.0.1|" + eventTerm + "||||||R|||" + PumpHl7.time(at));
        rows.add("ST|0^MDC_ATTR_EVT_SOURCE^MDC|1.0.0.2|1.1.1.0||||||R");
        rows.addAll(PumpHl7.deliveryRows(snapshot, at));
        if (event.kind() == PumpEvent.Kind.DELIVERY_STOPPED) {
            boolean alarming = snapshot.alarms().stream().anyMatch(PumpAlarmCode::stopsInfusion);
            rows.add("CWE|0^MDC_DEV_PUMP_NOT_DELIVERING_REASON^MDC|1.1.1.12|^"
                    + (alarming ? "pump-stopped-alarming" : "pump-stopped-by-clinician") + "||||||R");
        }
        return PumpHl7.withObservations(message, rows);
    }
}
