package org.vigil.core.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The patient went home; when criteria were not met, which ones and the provider's reason. */
@Revision("1")
public record PatientDischargedEvent(SessionId sessionId, ChairId chairId, List<String> overriddenCriteria,
                                     String overrideReason, String user, Instant at) implements WorkflowEvent {
}
