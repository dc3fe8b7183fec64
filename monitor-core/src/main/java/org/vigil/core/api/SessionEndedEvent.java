package org.vigil.core.api;

import java.time.Instant;

/** Monitoring of a session ended; its chair is free. */
public record SessionEndedEvent(SessionId sessionId, ChairId chairId, String reason, Instant endedAt) {
}
