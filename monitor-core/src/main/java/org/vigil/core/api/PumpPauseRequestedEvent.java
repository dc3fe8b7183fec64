package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The pump interlock sent a pause to a chair's infusing pump because of a HIGH alarm (docs/DOMAIN.md, "Pump
 * interlock"). Whether the pump paused follows as {@link PumpPauseConfirmedEvent} or {@link PumpPauseFailedEvent}.
 *
 * @param alarmId the alarm that caused the pause, with its {@code rule}
 */
@Revision("1")
public record PumpPauseRequestedEvent(SessionId sessionId, ChairId chairId, DeviceId deviceId, AlarmId alarmId,
                                      String rule, Instant requestedAt) {
}
