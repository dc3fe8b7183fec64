package org.vigil.query.influx;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.SessionId;

/**
 * The raise of every alarm still active, so the points of its later states carry its rule and priority and the
 * time to acknowledge. A projection that resumes from a token in the middle of the stream has not seen the
 * raise: it then reads it from the session's own events, so a resumed projection writes what a full replay
 * writes.
 */
class RaisedAlarms {

    private final Map<AlarmId, AlarmRaisedEvent> raised = new ConcurrentHashMap<>();
    private final EventStore eventStore;

    RaisedAlarms(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void remember(AlarmRaisedEvent event) {
        raised.put(event.alarmId(), event);
    }

    void forget(AlarmId alarm) {
        raised.remove(alarm);
    }

    Optional<AlarmRaisedEvent> raise(SessionId session, AlarmId alarm) {
        AlarmRaisedEvent known = raised.get(alarm);
        if (known != null) {
            return Optional.of(known);
        }
        if (session == null) {
            return Optional.empty();
        }
        DomainEventStream events = eventStore.readEvents(session.value(), 0);
        while (events.hasNext()) {
            EventMessage<?> event = events.next();
            if (event.getPayload() instanceof AlarmRaisedEvent raise && raise.alarmId().equals(alarm)) {
                raised.put(alarm, raise);
                return Optional.of(raise);
            }
        }
        return Optional.empty();
    }
}
