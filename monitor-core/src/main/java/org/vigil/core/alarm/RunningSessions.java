package org.vigil.core.alarm;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;

/**
 * Which sessions are running, for a decision taken on the clock: known live from their start and end events, and
 * after a restart from one scan of the store, made the first time the clock asks.
 */
final class RunningSessions {

    private static final Logger log = LoggerFactory.getLogger(RunningSessions.class);
    private static final Set<Class<?>> SCANNED = Set.of(SessionStartedEvent.class, SessionEndedEvent.class);

    private final EventStore eventStore;
    private final Set<SessionId> running = ConcurrentHashMap.newKeySet();
    private volatile boolean scanned;

    RunningSessions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void apply(Object event) {
        if (event instanceof SessionStartedEvent started) {
            running.add(started.sessionId());
        } else if (event instanceof SessionEndedEvent ended) {
            running.remove(ended.sessionId());
        }
    }

    /** A session found to have ended when its state was folded. */
    void ended(SessionId sessionId) {
        running.remove(sessionId);
    }

    List<SessionId> all() {
        if (!scanned) {
            synchronized (this) {
                if (!scanned) {
                    long folded = StoreScan.fold(eventStore, SCANNED, this::apply);
                    scanned = true;
                    log.info("running sessions found from {} stored start and end events: {}", folded,
                            running.size());
                }
            }
        }
        return List.copyOf(running);
    }
}
