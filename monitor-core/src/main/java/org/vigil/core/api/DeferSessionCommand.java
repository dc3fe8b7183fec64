package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Today's dose is withheld; the session ends and waits for its documentation. */
public record DeferSessionCommand(@TargetAggregateIdentifier SessionId sessionId, String reason, String user,
                                  Instant at) {
}
