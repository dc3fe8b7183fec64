package org.vigil.query.chairs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;

/**
 * Folds a running session's stored events into a chairs view and its trends, as the publishing thread did when
 * they were stored (outside a unit of work every change applies at once), from a snapshot of the session's chair or
 * from its first event.
 */
final class LiveViewFold {

    /** What a fold read: the sequence number of the session's last event folded ({@code -1}: none) and how many. */
    record Folded(long lastSequenceNumber, long events) {
    }

    private final EventStore eventStore;
    private final ChairsProjection chairs;
    private final ChairTrends trends;
    private final List<AnnotationEventHandlerAdapter> views;

    LiveViewFold(EventStore eventStore, ChairsProjection chairs, ChairTrends trends) {
        this.eventStore = eventStore;
        this.chairs = chairs;
        this.trends = trends;
        this.views = Stream.of(chairs, trends).map(AnnotationEventHandlerAdapter::new).toList();
    }

    /** Puts back the session's chair as a snapshot holds it. */
    void restore(LiveChair saved) {
        chairs.restore(saved);
        trends.restore(saved.session().chairId(), saved.trends());
    }

    /** The session's chair as folded so far; empty when the session does not run at its chair. */
    Optional<LiveChair> export(SessionId session, ChairId chair) {
        return chairs.export(chair, session, trends.export(chair));
    }

    /** Folds the session's events stored after sequence number {@code after} ({@code -1}: every event). */
    Folded fold(SessionId session, long after) {
        long folded = 0;
        long last = after;
        DomainEventStream events = eventStore.readEvents(session.value(), after + 1);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            folded++;
            last = event.getSequenceNumber();
            for (AnnotationEventHandlerAdapter view : views) {
                handle(view, event);
            }
        }
        return new Folded(last, folded);
    }

    private static void handle(AnnotationEventHandlerAdapter view, DomainEventMessage<?> event) {
        try {
            if (view.canHandle(event)) {
                view.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot fold event " + event.getIdentifier() + " of session "
                    + event.getAggregateIdentifier() + " into the live view", e);
        }
    }
}
