package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends monitoring of a session. */
public record EndSessionCommand(@TargetAggregateIdentifier SessionId sessionId, String reason, Instant endedAt) {
}
