package org.vigil.query.rems;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vigil.core.api.CompleteRemsItemCommand;
import org.vigil.core.api.RemsItemCompletedEvent;

/**
 * A director's answers to the REMS form's fields that a session's events do not hold, in a stream of their own
 * ({@code rems-<session id>}): the session's stream stays what happened at the chair. A later answer to the same
 * field corrects the earlier one; both stay in the record.
 */
@Aggregate
class RemsCompletions {

    @AggregateIdentifier
    private String formId;

    protected RemsCompletions() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CompleteRemsItemCommand command) {
        if (command.item() == null) {
            throw new IllegalArgumentException("which field of the REMS form is completed is required");
        }
        if (command.value() == null || command.value().isBlank()) {
            throw new IllegalArgumentException("an answer to \"" + command.item().label() + "\" is required");
        }
        apply(new RemsItemCompletedEvent(command.sessionId(), command.item(), command.value().strip(),
                command.user(), command.at()));
    }

    @EventSourcingHandler
    void on(RemsItemCompletedEvent event) {
        formId = "rems-" + event.sessionId().value();
    }
}
