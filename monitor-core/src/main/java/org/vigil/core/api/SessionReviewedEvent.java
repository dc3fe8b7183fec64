package org.vigil.core.api;

import java.time.Instant;

/** A medical director reviewed the session. */
public record SessionReviewedEvent(SessionId sessionId, ChairId chairId, String comment, String user, Instant at)
        implements WorkflowEvent {
}
