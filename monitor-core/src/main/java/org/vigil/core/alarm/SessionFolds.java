package org.vigil.core.alarm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;

/**
 * The state a decision handler keeps per running session, folded from each session's own events. The first time
 * the handler meets a session it did not see start (after a restart), it folds that session's stored stream from
 * its first event, deciding nothing, so history is never decided twice (docs/DESIGN.md, principle 1).
 *
 * <p>Folding is keyed by the event's sequence number in the session's stream: the store may already hold the
 * event being handled when the stream is read, and an event is folded once whichever way it arrives.
 *
 * <p>A session's state changes as its events are handled, before they are committed. When the unit of work that
 * changed it rolls back — a decision failed, or the store refused the commit — the session's state is dropped and
 * folded again from its stored events the next time it is needed, so it never holds what was not stored.
 */
final class SessionFolds<S extends FoldedSession> implements FoldingDecider.Fold {

    private static final Logger log = LoggerFactory.getLogger(SessionFolds.class);

    private final EventStore eventStore;
    private final Function<SessionStartedEvent, S> start;
    private final Map<SessionId, Folded<S>> sessions = new ConcurrentHashMap<>();
    private final String resource = "vigil.session-folds." + System.identityHashCode(this);

    SessionFolds(EventStore eventStore, Function<SessionStartedEvent, S> start) {
        this.eventStore = eventStore;
        this.start = start;
    }

    /**
     * Folds one event of a session unless it was folded already.
     *
     * @param sequence the event's sequence number in the session's stream, {@code null} when unknown
     * @return the session's state after the event, or {@code null} when the session ended or its start is not
     *         in the store
     */
    @Override
    public S fold(SessionId sessionId, Object event, Long sequence) {
        dropOnRollback(sessionId);
        if (event instanceof SessionStartedEvent started) {
            Folded<S> folded = new Folded<>(start.apply(started), sequence == null ? -1 : sequence);
            sessions.put(sessionId, folded);
            return folded.state;
        }
        if (event instanceof SessionEndedEvent) {
            sessions.remove(sessionId);
            return null;
        }
        Folded<S> folded = known(sessionId);
        if (folded == null) {
            return null;
        }
        synchronized (folded) {
            if (sequence == null || sequence > folded.lastSequence) {
                folded.state.apply(event);
                folded.lastSequence = sequence == null ? folded.lastSequence : sequence;
            }
        }
        return folded.state;
    }

    /**
     * The session's state as folded so far, rebuilt from its stream when this handler has not met it yet: for a
     * decision taken on the clock rather than on an event.
     *
     * @return {@code null} when the session ended or its start is not in the store
     */
    S current(SessionId sessionId) {
        dropOnRollback(sessionId);
        Folded<S> folded = known(sessionId);
        return folded == null ? null : folded.state;
    }

    private void dropOnRollback(SessionId sessionId) {
        UnitsOfWork.onRollback(resource, sessionId, touched -> touched.forEach(sessions::remove));
    }

    private Folded<S> known(SessionId sessionId) {
        Folded<S> folded = sessions.get(sessionId);
        if (folded != null) {
            return folded;
        }
        Folded<S> rebuilt = rebuild(sessionId);
        return rebuilt == null ? null : sessions.computeIfAbsent(sessionId, id -> rebuilt);
    }

    private Folded<S> rebuild(SessionId sessionId) {
        Folded<S> folded = null;
        DomainEventStream stream = eventStore.readEvents(sessionId.value(), 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof SessionStartedEvent started) {
                folded = new Folded<>(start.apply(started), message.getSequenceNumber());
            } else if (payload instanceof SessionEndedEvent) {
                return null;
            } else if (folded != null) {
                folded.state.apply(payload);
                folded.lastSequence = message.getSequenceNumber();
            }
        }
        if (folded != null) {
            log.info("{} of session {} rebuilt from its events", folded.state.getClass().getSimpleName(), sessionId);
        }
        return folded;
    }

    private static final class Folded<S> {

        private final S state;
        private long lastSequence;

        private Folded(S state, long lastSequence) {
            this.state = state;
            this.lastSequence = lastSequence;
        }
    }
}
