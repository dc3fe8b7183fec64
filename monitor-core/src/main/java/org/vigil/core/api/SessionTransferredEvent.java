package org.vigil.core.api;

import java.time.Instant;

/** The patient was sent to emergency care from state {@code from}. */
public record SessionTransferredEvent(SessionId sessionId, ChairId chairId, SessionState from, String reason,
                                      String user, Instant at) implements WorkflowEvent {
}
