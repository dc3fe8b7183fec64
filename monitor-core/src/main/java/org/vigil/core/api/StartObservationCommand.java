package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Dosing is finished (for IV: the infusion ended at {@code at}); the observation period starts. */
public record StartObservationCommand(@TargetAggregateIdentifier SessionId sessionId, String user, Instant at) {
}
