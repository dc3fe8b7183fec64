package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The discharge criteria are judged from the latest readings and the nurse's Aldrete score. */
public record AssessDischargeCommand(@TargetAggregateIdentifier SessionId sessionId, Integer aldreteScore, String user,
                                     Instant at) {
}
