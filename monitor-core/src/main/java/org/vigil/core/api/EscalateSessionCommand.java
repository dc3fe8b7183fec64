package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A provider is called to the chair. */
public record EscalateSessionCommand(@TargetAggregateIdentifier SessionId sessionId, String reason, String user,
                                     Instant at) {
}
