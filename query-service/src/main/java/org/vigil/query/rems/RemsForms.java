package org.vigil.query.rems;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.SessionId;

/**
 * The REMS facts of a session read from the record itself: the session's stream from its first event (never a
 * snapshot), then the director's completions from the form's own stream.
 */
@Component
class RemsForms {

    private final EventStore events;

    RemsForms(EventStore events) {
        this.events = events;
    }

    /** Empty when no session has this id. */
    Optional<RemsFacts> facts(SessionId session) {
        RemsFacts facts = new RemsFacts();
        fold(facts, events.readEvents(session.value(), 0L));
        if (facts.sessionId == null) {
            return Optional.empty();
        }
        fold(facts, events.readEvents("rems-" + session.value(), 0L));
        return Optional.of(facts);
    }

    private static void fold(RemsFacts facts, DomainEventStream stream) {
        while (stream.hasNext()) {
            facts.apply(stream.next().getPayload());
        }
    }
}
