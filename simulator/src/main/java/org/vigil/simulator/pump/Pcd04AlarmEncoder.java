package org.vigil.simulator.pump;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * IHE PCD-04 "Report Alert", {@code ORU^R40^ORU_R40} (IHE PCD TF-2, ACM): OBR-4 {@code 196616^MDC_EVT_ALARM^MDC};
 * OBR-3 names this alarm message, and an end message points back at the start's in OBR-29. After the pump's MDS
 * row come the alarm rows at MDS level {@code 1.0.0.0.n}: the alarm event ({@code 196616 MDC_EVT_ALARM} with the
 * 11073 event as value and priority and type in OBX-8, e.g. {@code PH~ST}), its source ({@code 68480
 * MDC_ATTR_ALERT_SOURCE}), event phase ({@code 68481 MDC_ATTR_EVENT_PHASE}: start or end), alarm state
 * ({@code 68482 MDC_ATTR_ALARM_STATE}: active or inactive), inactivation state ({@code 68483
 * MDC_ATTR_ALARM_INACTIVATION_STATE}), priority ({@code 68484 MDC_ATTR_ALARM_PRIORITY}: PH, PM, PL) and type
 * ({@code 68485 MDC_ATTR_ALERT_TYPE}: ST, technical). Row layout as in the B. Braun pump occlusion alarm of the
 * Philips IntelliBridge example messages. Pump alarms are technical alarms.
 */
public final class Pcd04AlarmEncoder {

    public static final String MESSAGE_PROFILE = "IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.4.4.1^ISO";
    public static final String ALARM_SERVICE = "196616^MDC_EVT_ALARM^MDC";

    /** Start or end of an alarm condition, as MDC_ATTR_EVENT_PHASE writes it. */
    public enum Phase {
        START("start", "active"), END("end", "inactive");

        final String word;
        final String alarmState;

        Phase(String word, String alarmState) {
            this.word = word;
            this.alarmState = alarmState;
        }
    }

    private Pcd04AlarmEncoder() {
    }

    /**
     * @param alarmId      OBR-3 of this message
     * @param startAlarmId for {@link Phase#END}, OBR-3 of the start message (OBR-29); {@code null} for a start
     */
    public static String encode(PumpIdentity pump, String controlId, Instant at, PumpAlarmCode alarm, Phase phase,
                                String alarmId, String startAlarmId) {
        String time = PumpHl7.time(at);
        String flags = alarm.priority().hl7 + "~ST";
        StringBuilder message = PumpHl7.header(pump, controlId, at, "ORU^R40^ORU_R40", MESSAGE_PROFILE,
                ALARM_SERVICE, alarmId, phase == Phase.END ? startAlarmId : null);
        List<String> rows = new ArrayList<>();
        rows.add(PumpHl7.mdsRow(pump, at));
        rows.add("CWE|" + ALARM_SERVICE + "|1.0.0.0.1|" + alarm.mdcEvent + "^^^^^^" + PumpHl7.escape(alarm.text())
                + "|||" + flags + "|||F|||" + time);
        rows.add("CWE|68480^MDC_ATTR_ALERT_SOURCE^MDC|1.0.0.0.2|" + PumpHl7.MDS + "|||" + flags + "|||F");
        rows.add("ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.0.0.0.3|" + phase.word + "|||" + flags + "|||F");
        rows.add("ST|68482^MDC_ATTR_ALARM_STATE^MDC|1.0.0.0.4|" + phase.alarmState + "|||" + flags + "|||F");
        rows.add("ST|68483^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC|1.0.0.0.5|enabled|||" + flags + "|||F");
        rows.add("ST|68484^MDC_ATTR_ALARM_PRIORITY^MDC|1.0.0.0.6|" + alarm.priority().hl7 + "|||" + flags + "|||F");
        rows.add("ST|68485^MDC_ATTR_ALERT_TYPE^MDC|1.0.0.0.7|ST|||" + flags + "|||F");
        return PumpHl7.withObservations(message, rows);
    }
}
