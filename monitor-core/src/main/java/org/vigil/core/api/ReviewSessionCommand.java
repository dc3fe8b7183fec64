package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A medical director reviewed the documented session. */
public record ReviewSessionCommand(@TargetAggregateIdentifier SessionId sessionId, String comment, String user,
                                   Instant at) {
}
