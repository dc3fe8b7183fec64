package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live state of one chair: the session in it, the latest value of each vital and the active alarms.
 *
 * @param session   the session at the chair, {@code null} when the chair is free
 * @param vitals    latest reading per vital of the current session
 * @param updatedAt Vigil's clock at the last change
 */
public record ChairView(ChairId chairId, SessionSummary session, Map<Vital, VitalReading> vitals,
                        List<AlarmView> activeAlarms, List<DeviceId> devices, Instant updatedAt) {
}
