package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Someone wrote a note on the session. */
@Revision("1")
public record SessionNoteAddedEvent(SessionId sessionId, ChairId chairId, String text, String user, Instant at)
        implements WorkflowEvent {
}
