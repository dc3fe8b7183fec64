package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A named user booked the session (its patient data are in the SessionStartedEvent before it). */
@Revision("1")
public record SessionScheduledEvent(SessionId sessionId, ChairId chairId, String user, Instant at)
        implements WorkflowEvent {
}
