package org.vigil.query.outcomes;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vigil.core.api.OutcomeScoreRecordedEvent;
import org.vigil.core.api.RecordOutcomeScoreCommand;

/**
 * The outcome scores of one session, in a stream of their own ({@code scores-<session id>}): a score is entered
 * after the session, often days later, and changes nothing of what happened at the chair. A score outside its
 * scale's range is refused.
 */
@Aggregate
class OutcomeScores {

    @AggregateIdentifier
    private String scoresId;

    protected OutcomeScores() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordOutcomeScoreCommand command) {
        if (command.instrument() == null) {
            throw new IllegalArgumentException("the scale is required: MADRS or PHQ_9");
        }
        if (command.score() == null || command.score() < 0 || command.score() > command.instrument().maximum()) {
            throw new IllegalArgumentException("a " + command.instrument() + " score is from 0 to "
                    + command.instrument().maximum() + ", got " + command.score());
        }
        apply(new OutcomeScoreRecordedEvent(command.sessionId(), command.instrument(), command.score(),
                command.assessedAt() != null ? command.assessedAt() : command.at(), command.user(), command.at()));
    }

    @EventSourcingHandler
    void on(OutcomeScoreRecordedEvent event) {
        scoresId = "scores-" + event.sessionId().value();
    }
}
