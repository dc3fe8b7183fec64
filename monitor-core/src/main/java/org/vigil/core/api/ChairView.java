package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live state of one chair: the session in it, the latest value of each vital, when the next blood pressure
 * is due, the infusion, the active alarms and the devices.
 *
 * @param session        the session at the chair, {@code null} when the chair is free
 * @param phase          where the session stands in the clinic's workflow, {@code null} when not recorded
 * @param doseStartedAt  when dosing began, {@code null} before
 * @param vitals         latest reading per vital of the current session
 * @param nextBpDueAt    when the next cuff reading is due by the protocol's cadence
 * @param bpStale        whether the last blood pressure is older than its interval plus the stale margin
 * @param nextCheckpoint the next timed step the protocol requires, {@code null} when none
 * @param pump           the infusion, {@code null} when no pump reported
 * @param audioPause     the session's latest audio pause, lapsed or broken through included; {@code null} when its
 *                       sounds were never paused
 * @param updatedAt      Vigil's clock when this view was made
 */
public record ChairView(ChairId chairId, SessionSummary session, String phase, Instant doseStartedAt,
                        Map<Vital, VitalReading> vitals, Instant nextBpDueAt, boolean bpStale,
                        Checkpoint nextCheckpoint, PumpView pump, List<AlarmView> activeAlarms,
                        AudioPauseView audioPause, List<ChairDeviceView> devices, Instant updatedAt) {
}
