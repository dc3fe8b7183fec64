package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A pump of the session changed what it does, for example {@code INFUSING → PAUSED} or {@code INFUSING → KVO}
 * (docs/DOMAIN.md, "Infusion pumps").
 *
 * @param from       the status before, {@code null} for the first status the session saw from this pump
 * @param deviceTime the pump's own timestamp of the message that showed it, {@code null} if none
 * @param receivedAt Vigil's clock when that message arrived
 */
@Revision("1")
public record PumpStatusChangedEvent(SessionId sessionId, ChairId chairId, DeviceId deviceId, PumpStatus from,
                                     PumpStatus to, Instant deviceTime, Instant receivedAt) {
}
