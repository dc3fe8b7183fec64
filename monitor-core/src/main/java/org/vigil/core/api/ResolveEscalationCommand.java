package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider is done at the chair; the session resumes where it was. */
public record ResolveEscalationCommand(@TargetAggregateIdentifier SessionId sessionId, String note, String user,
                                       Instant at) {
}
