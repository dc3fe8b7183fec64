package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts monitoring a patient at a chair. The weight is needed before any dose can be computed. */
public record StartSessionCommand(@TargetAggregateIdentifier SessionId sessionId, ChairId chairId,
                                  String patientPseudonym, double weightKg, int ageYears, Treatment treatment,
                                  BaselineVitals baseline, ProtocolRef protocol, Instant startedAt) {
}
