package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient is sent to emergency care; the session ends. */
public record TransferSessionCommand(@TargetAggregateIdentifier SessionId sessionId, String reason, String user,
                                     Instant at) {
}
