package org.vigil.core.alarm;

import java.util.Objects;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;

/**
 * A decision handler of {@value AlarmDecisions#PROCESSING_GROUP} that keeps per-session state folded from each
 * session's own events ({@link SessionFolds}): it folds the alarm lifecycle — raised, condition ended, cleared — and
 * the session's end, which every such handler needs, in one place. The events a handler decides on, or folds in
 * addition, it handles itself through the same {@link #sessions}.
 *
 * @param <F> how the handler keeps its sessions: {@link SessionFolds}, or {@link RunningSessions} for a decision
 *            taken on the clock
 */
abstract class FoldingDecider<F extends FoldingDecider.Fold> {

    /** The per-session state of a decision handler, folded one event at a time. */
    interface Fold {

        /**
         * Folds one event of a session unless it was folded already ({@link SessionFolds#fold}).
         *
         * @return the session's state after the event, or {@code null} when the session ended or its start is not
         *         in the store
         */
        Object fold(SessionId sessionId, Object event, Long sequence);
    }

    /** The sessions this handler met, each with its folded state. */
    final F sessions;

    FoldingDecider(F sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @EventHandler
    void on(AlarmRaisedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(AlarmConditionEndedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(AlarmClearedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(SessionEndedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }
}
