package org.vigil.query.audit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vigil.core.api.RecordSessionAccessCommand;
import org.vigil.core.api.SessionRecordAccessedEvent;

/**
 * Who read a session's record, in a stream of its own per session ({@code audit-<session id>}): reading the record
 * changes nothing in it, so the session's own stream and everything folded from it stay as they were.
 */
@Aggregate
class SessionAudit {

    @AggregateIdentifier
    private String auditId;

    protected SessionAudit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSessionAccessCommand command) {
        apply(new SessionRecordAccessedEvent(command.sessionId(), command.access(), command.user(),
                command.requests(), command.firstAt(), command.lastAt(), command.rangeFrom(), command.rangeTo()));
    }

    @EventSourcingHandler
    void on(SessionRecordAccessedEvent event) {
        auditId = "audit-" + event.sessionId().value();
    }
}
