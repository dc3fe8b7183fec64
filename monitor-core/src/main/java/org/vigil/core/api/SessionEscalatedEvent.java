package org.vigil.core.api;

import java.time.Instant;

/** A provider was called to the chair from state {@code from}. */
public record SessionEscalatedEvent(SessionId sessionId, ChairId chairId, SessionState from, String reason,
                                    String user, Instant at) implements WorkflowEvent {
}
