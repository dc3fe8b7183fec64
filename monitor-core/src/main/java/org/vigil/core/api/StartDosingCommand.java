package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The IV infusion started (a pump reporting INFUSING after the gate passed starts it too). */
public record StartDosingCommand(@TargetAggregateIdentifier SessionId sessionId, String user, Instant at) {
}
