package org.vigil.core.api;

import java.time.Instant;

/** An event of a session's workflow: a step someone took (or a device showed), when, at which chair. */
public interface WorkflowEvent {

    SessionId sessionId();

    ChairId chairId();

    /** Who took the step; {@code null} only when a device showed it. */
    String user();

    Instant at();
}
