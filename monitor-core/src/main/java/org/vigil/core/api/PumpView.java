package org.vigil.core.api;

import java.time.Duration;

/**
 * The infusion at a chair as its tile shows it; fields the pump did not report are {@code null}.
 *
 * @param interlockPause the pump interlock's pause of the pump: {@code REQUESTED}, {@code CONFIRMED} or
 *                       {@code FAILED}; {@code null} when there is none, or once the pump infuses again
 */
public record PumpView(DeviceId deviceId, String drug, PumpStatus status, Double rateMlPerHour,
                       Double volumeInfusedMl, Double vtbiMl, Duration timeRemaining, Double doseDeliveredMg,
                       Double doseDeliveredMgPerKg, String interlockPause) {
}
