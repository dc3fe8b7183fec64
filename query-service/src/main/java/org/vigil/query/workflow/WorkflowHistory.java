package org.vigil.query.workflow;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionWorkflowView;
import org.vigil.core.session.SessionProgress;

/**
 * A session's workflow as its own event stream tells it, folded with the same {@link SessionProgress} the session
 * decides with; checkpoints are judged at the clock's now.
 */
@Component
class WorkflowHistory {

    private final EventStore eventStore;
    private final Clock clock;

    WorkflowHistory(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    Optional<SessionWorkflowView> of(SessionId id) {
        DomainEventStream events = eventStore.readEvents(id.value(), 0L);
        SessionProgress progress = new SessionProgress();
        while (events.hasNext()) {
            progress.apply(events.next().getPayload());
        }
        return progress.state() == null ? Optional.empty() : Optional.of(progress.view(clock.instant()));
    }
}
