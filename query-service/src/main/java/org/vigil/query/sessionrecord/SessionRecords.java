package org.vigil.query.sessionrecord;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.SessionId;

/** Sessions read from the record for the exports: the session's stream from its first event, never a snapshot. */
@Component
public class SessionRecords {

    private final EventStore events;

    SessionRecords(EventStore events) {
        this.events = events;
    }

    /** Empty when no session has this id. */
    public Optional<SessionRecord> of(SessionId session) {
        DomainEventStream stream = events.readEvents(session.value(), 0L);
        SessionRecord record = new SessionRecord();
        while (stream.hasNext()) {
            record.apply(stream.next().getPayload());
        }
        return record.started() == null ? Optional.empty() : Optional.of(record);
    }
}
