package org.vigil.core.api;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The nurse's pre-assessment (docs/DOMAIN.md, "Session lifecycle"): today's weight, baseline vitals, interacting
 * medications and the ride home.
 */
public record RecordPreAssessmentCommand(@TargetAggregateIdentifier SessionId sessionId, double weightKg,
                                         BaselineVitals baseline, Set<InteractingMedication> interactingMedications,
                                         Boolean rideHomeArranged, String rideHome, String user, Instant at) {
}
