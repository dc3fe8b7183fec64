package org.vigil.core.alarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.session.ChairOccupancy;

/**
 * The running sessions and their folded state, for a decision taken on the clock: which sessions run is known live
 * from their start and end events once they are committed, and after a restart from the command side's
 * {@link ChairOccupancy}, asked the first time the clock asks; each session's state is folded from its own events
 * ({@link SessionFolds}). Nothing reads the whole store.
 */
final class RunningSessions<S extends FoldedSession> implements FoldingDecider.Fold {

    private static final Logger log = LoggerFactory.getLogger(RunningSessions.class);

    private final ChairOccupancy occupancy;
    private final SessionFolds<S> folds;
    private final Set<SessionId> running = ConcurrentHashMap.newKeySet();
    private final String resource = "vigil.running-sessions." + System.identityHashCode(this);
    private volatile boolean known;

    RunningSessions(EventStore eventStore, ChairOccupancy occupancy, Function<SessionStartedEvent, S> start) {
        this.occupancy = occupancy;
        this.folds = new SessionFolds<>(eventStore, start);
    }

    /**
     * Folds one event of a session unless it was folded already ({@link SessionFolds#fold}).
     *
     * @return the session's state after the event, or {@code null} when the session ended or its start is not
     *         in the store
     */
    @Override
    public S fold(SessionId sessionId, Object event, Long sequence) {
        if (event instanceof SessionStartedEvent || event instanceof SessionEndedEvent) {
            UnitsOfWork.afterCommit(resource, event, this::track);
        }
        return folds.fold(sessionId, event, sequence);
    }

    /**
     * The state of every running session, in no particular order; a session found to have ended when its state
     * was folded is no longer running.
     */
    Map<SessionId, S> states() {
        Map<SessionId, S> states = new LinkedHashMap<>();
        for (SessionId session : all()) {
            S state = folds.current(session);
            if (state == null) {
                running.remove(session);
            } else {
                states.put(session, state);
            }
        }
        return states;
    }

    private void track(Object event) {
        if (event instanceof SessionStartedEvent started) {
            running.add(started.sessionId());
        } else if (event instanceof SessionEndedEvent ended) {
            running.remove(ended.sessionId());
        }
    }

    private List<SessionId> all() {
        if (!known) {
            synchronized (this) {
                if (!known) {
                    running.addAll(occupancy.running().values());
                    known = true;
                    log.info("running sessions: {}", running.size());
                }
            }
        }
        return List.copyOf(running);
    }
}
