package org.vigil.core.api;

import java.time.Instant;

/** Esketamine device {@code number} (1, 2 or 3) was given. */
public record EsketamineDeviceAdministeredEvent(SessionId sessionId, ChairId chairId, int number, String user,
                                                Instant at) implements WorkflowEvent {
}
