package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient arrived; the session adopts the workflow rules of its clinic protocol. */
public record CheckInPatientCommand(@TargetAggregateIdentifier SessionId sessionId, WorkflowRules rules, String user,
                                    Instant at) {
}
