package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The pump showed the pause the interlock asked for: its next status after the request was {@code status}
 * ({@code PAUSED} or {@code STOPPED}). Only a nurse restarts it, at the pump; the restart shows as a
 * {@link PumpStatusChangedEvent}.
 *
 * @param alarmId    the alarm that caused the pause
 * @param deviceTime the pump's own time of the status that showed it, {@code null} if none
 */
@Revision("1")
public record PumpPauseConfirmedEvent(SessionId sessionId, ChairId chairId, DeviceId deviceId, AlarmId alarmId,
                                      PumpStatus status, Instant deviceTime, Instant confirmedAt) {
}
