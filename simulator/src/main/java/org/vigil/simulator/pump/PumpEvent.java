package org.vigil.simulator.pump;

/**
 * Something that happened to the pump: a change of state (start, stop, completion, KVO), a rate change while
 * infusing, or an alarm raised or cleared; with the pump as it stood right after. IHE PCD-10 reports the first
 * kinds, PCD-04 the alarms.
 *
 * @param alarm the alarm for {@link Kind#ALARM_RAISED} and {@link Kind#ALARM_CLEARED}, else {@code null}
 */
public record PumpEvent(Kind kind, PumpAlarmCode alarm, PumpSnapshot after) {

    public enum Kind {
        DELIVERY_STARTED,
        DELIVERY_STOPPED,
        DELIVERY_COMPLETED,
        KVO_STARTED,
        RATE_CHANGED,
        ALARM_RAISED,
        ALARM_CLEARED
    }
}
