package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One device message with all its values: one event per message (DESIGN.md, principle 2).
 *
 * @param sessionId  the session it belongs to, or {@code null} when the device had no session
 * @param chairId    the chair the device is configured for, or {@code null} when no one configured it
 * @param deviceTime the device's own timestamp for the message, {@code null} if it gave none
 * @param receivedAt Vigil's clock when the message arrived
 */
@Revision("1")
public record ObservationsRecordedEvent(SessionId sessionId, ChairId chairId, DeviceId deviceId,
                                        MessageKey messageKey, Instant deviceTime, Instant receivedAt,
                                        List<Observation> observations) {
}
