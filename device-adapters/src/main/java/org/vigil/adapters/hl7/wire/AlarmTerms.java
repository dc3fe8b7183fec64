package org.vigil.adapters.hl7.wire;

/**
 * The terms of an IHE PCD-04 alert (IHE PCD TF-2, PCD-04 OBX segments): the alarm row and the facets that
 * follow it. Reference ids decide; the codes are those the published examples use (the {@code 68480}
 * series), while some gateways number the same attributes otherwise.
 */
final class AlarmTerms {

    static final MdcTerm ALARM = MdcTerm.of(196616, "MDC_EVT_ALARM");
    static final MdcTerm ALERT_SOURCE = MdcTerm.of(68480, "MDC_ATTR_ALERT_SOURCE");
    static final MdcTerm EVENT_PHASE = MdcTerm.of(68481, "MDC_ATTR_EVENT_PHASE");
    static final MdcTerm ALARM_STATE = MdcTerm.of(68482, "MDC_ATTR_ALARM_STATE", "MDC_ATTR_ALERT_STATE");
    static final MdcTerm INACTIVATION_STATE = MdcTerm.of(68483, "MDC_ATTR_ALARM_INACTIVATION_STATE");
    static final MdcTerm PRIORITY = MdcTerm.of(68484, "MDC_ATTR_ALARM_PRIORITY");
    static final MdcTerm ALERT_TYPE = MdcTerm.of(68485, "MDC_ATTR_ALERT_TYPE");

    /** Partition 3 of IEEE 11073-10101 (events and alerts) holds the context-free codes 196608 to 262143. */
    private static final int EVENTS_FROM = 3 << 16;
    private static final int EVENTS_TO = (4 << 16) - 1;

    private AlarmTerms() {
    }

    /** Whether OBX-3 names an alert: {@code MDC_EVT_ALARM} or a specific {@code MDC_EVT_*} event. */
    static boolean isAlarmRow(ObxRow row) {
        if (row.is(ALARM)) {
            return true;
        }
        String referenceId = row.referenceId();
        if (referenceId.startsWith("MDC_EVT_") || referenceId.startsWith("MDCX_EVT_")) {
            return true;
        }
        return isEventCode(row.mdcCode().orElse(0));
    }

    static boolean isEventCode(int code) {
        return code >= EVENTS_FROM && code <= EVENTS_TO;
    }
}
