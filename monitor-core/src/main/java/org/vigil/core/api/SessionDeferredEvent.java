package org.vigil.core.api;

import java.time.Instant;

/** Today's dose was withheld, by whom and why. */
public record SessionDeferredEvent(SessionId sessionId, ChairId chairId, String reason, String user, Instant at)
        implements WorkflowEvent {
}
