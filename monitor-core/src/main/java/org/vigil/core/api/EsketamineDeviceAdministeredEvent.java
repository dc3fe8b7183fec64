package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Esketamine device {@code number} (1, 2 or 3) was given. */
@Revision("1")
public record EsketamineDeviceAdministeredEvent(SessionId sessionId, ChairId chairId, int number, String user,
                                                Instant at) implements WorkflowEvent {
}
