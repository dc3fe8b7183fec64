package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The pump did not show the pause the interlock asked for within the clinic's time, or the pause could not be sent;
 * the HIGH technical alarm "pump did not pause" follows.
 *
 * @param alarmId the alarm that caused the pause
 * @param reason  what went wrong, for the alarm and the review
 */
@Revision("1")
public record PumpPauseFailedEvent(SessionId sessionId, ChairId chairId, DeviceId deviceId, AlarmId alarmId,
                                   String reason, Instant failedAt) {
}
