package org.vigil.core.api;

/**
 * An alarm condition active on a pump when it reported.
 *
 * @param stopsInfusion true for high-priority pump alarms, which stop the infusion
 */
public record PumpAlarm(PumpAlarmKind kind, AlarmPriority priority, String text, boolean stopsInfusion) {
}
