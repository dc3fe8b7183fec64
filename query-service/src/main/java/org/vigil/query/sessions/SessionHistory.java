package org.vigil.query.sessions;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.SessionView;
import org.vigil.core.api.Vital;
import org.vigil.core.api.VitalReading;

/**
 * A session told by its own event stream, the medical record: read from the first event (never from a
 * snapshot) and folded up to a moment, so a director sees the session exactly as it stood then. Nothing is
 * re-decided: alarms are the stored decisions.
 */
@Component
public class SessionHistory {

    private final EventStore eventStore;

    public SessionHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The session as it stood at {@code at} (stored time), or now when {@code at} is null. */
    public Optional<SessionView> at(SessionId id, Instant at) {
        DomainEventStream events = eventStore.readEvents(id.value(), 0L);
        Fold fold = new Fold();
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (at != null && message.getTimestamp().isAfter(at)) {
                break;
            }
            fold.apply(message.getPayload());
        }
        return fold.view();
    }

    private static final class Fold {
        private SessionSummary summary;
        private long messages;
        private final Map<Vital, VitalReading> vitals = new EnumMap<>(Vital.class);
        private final Map<AlarmId, AlarmView> alarms = new LinkedHashMap<>();

        void apply(Object payload) {
            if (payload instanceof SessionStartedEvent e) {
                summary = SessionSummary.started(e);
            } else if (payload instanceof ObservationsRecordedEvent e) {
                messages++;
                e.observations().forEach(o -> o.vital().ifPresent(v -> vitals.put(v, new VitalReading(v,
                        o.value(), o.unit(), e.deviceId(), e.deviceTimeOf(o),
                        e.receivedAt()))));
            } else if (payload instanceof AlarmRaisedEvent e) {
                alarms.put(e.alarmId(), AlarmView.raised(e));
            } else if (payload instanceof AlarmConditionEndedEvent e) {
                alarms.computeIfPresent(e.alarmId(), (id, a) -> a.afterConditionEnded());
            } else if (payload instanceof AlarmAcknowledgedEvent e) {
                alarms.computeIfPresent(e.alarmId(), (id, a) -> a.acknowledged(e.user(), e.at()));
            } else if (payload instanceof AlarmClearedEvent e) {
                alarms.computeIfPresent(e.alarmId(), (id, a) -> a.cleared(e.at()));
            } else if (payload instanceof AlarmEscalatedEvent e) {
                alarms.computeIfPresent(e.alarmId(), (id, a) -> a.escalated(e.at(), e.to()));
            } else if (payload instanceof SessionEndedEvent e && summary != null) {
                summary = summary.ended(e.endedAt());
            }
        }

        Optional<SessionView> view() {
            if (summary == null) {
                return Optional.empty();
            }
            return Optional.of(new SessionView(summary, messages, Map.copyOf(vitals), List.copyOf(alarms.values())));
        }
    }
}
