package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The patient was sent to emergency care from state {@code from}. */
@Revision("1")
public record SessionTransferredEvent(SessionId sessionId, ChairId chairId, SessionState from, String reason,
                                      String user, Instant at) implements WorkflowEvent {
}
