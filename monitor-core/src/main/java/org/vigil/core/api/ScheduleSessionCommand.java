package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Books a patient at a chair, entered by a named user; the session then waits for check-in. */
public record ScheduleSessionCommand(@TargetAggregateIdentifier SessionId sessionId, ChairId chairId,
                                     String patientPseudonym, double weightKg, int ageYears, Treatment treatment,
                                     BaselineVitals baseline, ProtocolRef protocol, String user, Instant at) {
}
