package org.vigil.core.api;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * The pre-assessment was recorded; its weight is the one the dose is computed from, its baseline the one relative
 * rules compare with.
 */
@Revision("1")
public record PreAssessmentRecordedEvent(SessionId sessionId, ChairId chairId, double weightKg,
                                         BaselineVitals baseline, Set<InteractingMedication> interactingMedications,
                                         boolean rideHomeArranged, String rideHome, String user, Instant at)
        implements WorkflowEvent {
}
