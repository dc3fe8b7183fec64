package org.vigil.core.api;

import java.time.Instant;

/** A named user booked the session (its patient data are in the SessionStartedEvent before it). */
public record SessionScheduledEvent(SessionId sessionId, ChairId chairId, String user, Instant at)
        implements WorkflowEvent {
}
