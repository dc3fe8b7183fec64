package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Today's dose was withheld, by whom and why. */
@Revision("1")
public record SessionDeferredEvent(SessionId sessionId, ChairId chairId, String reason, String user, Instant at)
        implements WorkflowEvent {
}
