package org.vigil.core.api;

import java.time.Instant;

/** The session's record was completed, by whom. */
public record SessionDocumentedEvent(SessionId sessionId, ChairId chairId, String summary, String user, Instant at)
        implements WorkflowEvent {
}
