package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A medical director reviewed the session. */
@Revision("1")
public record SessionReviewedEvent(SessionId sessionId, ChairId chairId, String comment, String user, Instant at)
        implements WorkflowEvent {
}
