package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A provider overrides a gate hold with a reason (only a provider may: the API lets only a director send it). */
public record OverrideGateHoldCommand(@TargetAggregateIdentifier SessionId sessionId, String reason, String user,
                                      Instant at) {
}
