package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Monitoring of a session ended; its chair is free. */
@Revision("1")
public record SessionEndedEvent(SessionId sessionId, ChairId chairId, String reason, Instant endedAt) {
}
