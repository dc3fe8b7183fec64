package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The session's record is complete (for esketamine, the REMS Patient Monitoring Form). */
public record DocumentSessionCommand(@TargetAggregateIdentifier SessionId sessionId, String summary, String user,
                                     Instant at) {
}
