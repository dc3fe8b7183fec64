package org.vigil.query.workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionWorkflowView;
import org.vigil.core.api.WorkflowEvent;
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

    /** The session as the station's panel shows it: the workflow, the steps taken and the prescription. */
    Optional<SessionPanel> panel(SessionId id) {
        DomainEventStream events = eventStore.readEvents(id.value(), 0L);
        SessionProgress progress = new SessionProgress();
        List<SessionPanel.Taken> taken = new ArrayList<>();
        SessionPanel.Prescription prescription = null;
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            progress.apply(payload);
            if (payload instanceof WorkflowEvent step) {
                StepWords.of(step).ifPresent(what -> taken.add(new SessionPanel.Taken(what, by(step), step.at())));
            } else if (payload instanceof InfusionPrescribedEvent e) {
                prescription = new SessionPanel.Prescription(e.drug(), e.mgPerKg(), e.duration().toMinutes(),
                        e.concentrationMgPerMl(), e.expectedDoseMg(), e.vtbiMl(), e.expectedRateMlPerHour(),
                        e.prescribedBy(), e.at());
            }
        }
        if (progress.state() == null) {
            return Optional.empty();
        }
        return Optional.of(new SessionPanel(progress.view(clock.instant()), progress.allowedStepNames(),
                List.copyOf(taken), prescription));
    }

    /** Who took a step: the user, or the pump that showed it. */
    private static String by(WorkflowEvent step) {
        if (step.user() != null) {
            return step.user();
        }
        if (step instanceof DosingStartedEvent e && e.device() != null) {
            return e.device().value();
        }
        if (step instanceof ObservationStartedEvent e && e.device() != null) {
            return e.device().value();
        }
        return null;
    }
}
