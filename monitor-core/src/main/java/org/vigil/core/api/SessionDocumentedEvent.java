package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The session's record was completed, by whom. */
@Revision("1")
public record SessionDocumentedEvent(SessionId sessionId, ChairId chairId, String summary, String user, Instant at)
        implements WorkflowEvent {
}
