package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Checks the pre-dose blood pressure against the gate. Without values, the latest reading recorded in the session is
 * used.
 */
public record EvaluateGateCommand(@TargetAggregateIdentifier SessionId sessionId, Integer systolic, Integer diastolic,
                                  String user, Instant at) {
}
