package org.vigil.core.api;

import java.time.Instant;

/** Someone wrote a note on the session. */
public record SessionNoteAddedEvent(SessionId sessionId, ChairId chairId, String text, String user, Instant at)
        implements WorkflowEvent {
}
