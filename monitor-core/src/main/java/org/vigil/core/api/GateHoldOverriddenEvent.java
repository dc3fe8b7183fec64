package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A provider overrode a gate hold: who, why, and the hold's reasons as they stood. */
@Revision("1")
public record GateHoldOverriddenEvent(SessionId sessionId, ChairId chairId, List<String> holdReasons, String reason,
                                      String user, Instant at) implements WorkflowEvent {
}
