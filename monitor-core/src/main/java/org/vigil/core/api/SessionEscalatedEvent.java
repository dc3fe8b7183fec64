package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A provider was called to the chair from state {@code from}. */
@Revision("1")
public record SessionEscalatedEvent(SessionId sessionId, ChairId chairId, SessionState from, String reason,
                                    String user, Instant at) implements WorkflowEvent {
}
