package org.vigil.query.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.AlarmResolvedEvent;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;

/**
 * Every alarm of a session with who responded and how fast, folded from the session's stored events (DOMAIN.md,
 * "Alarm behaviour": time to acknowledge and time to resolve, per alarm and per nurse). Nothing is decided here.
 */
@Component
class AlarmRecords {

    static final String CONDITION_ENDED = "condition ended";
    static final String ACKNOWLEDGED_AFTER_CONDITION = "acknowledged after its condition ended";
    static final String SESSION_ENDED = "session ended";

    private final EventStore eventStore;

    AlarmRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The session's alarms in the order they were raised; empty when the session is unknown. */
    Optional<List<AlarmRecordView>> of(SessionId session) {
        DomainEventStream events = eventStore.readEvents(session.value(), 0L);
        Fold fold = new Fold();
        while (events.hasNext()) {
            fold.apply(events.next().getPayload());
        }
        return fold.started ? Optional.of(fold.records()) : Optional.empty();
    }

    private static final class Fold {

        private final Map<AlarmId, Record> alarms = new LinkedHashMap<>();
        private boolean started;

        void apply(Object payload) {
            if (payload instanceof SessionStartedEvent) {
                started = true;
            } else if (payload instanceof AlarmRaisedEvent e) {
                alarms.put(e.alarmId(), new Record(e));
            } else if (payload instanceof AlarmConditionEndedEvent e) {
                with(e.alarmId(), r -> r.conditionEnded = true);
            } else if (payload instanceof AlarmAcknowledgedEvent e) {
                with(e.alarmId(), r -> {
                    r.acknowledgedBy = e.user();
                    r.acknowledgedAt = e.at();
                });
            } else if (payload instanceof AlarmEscalatedEvent e) {
                with(e.alarmId(), r -> {
                    r.escalatedAt = e.at();
                    r.escalatedTo = e.to();
                });
            } else if (payload instanceof AlarmResolvedEvent e) {
                with(e.alarmId(), r -> r.resolvedBy(e.user(), "resolved: " + e.reason()));
            } else if (payload instanceof SoftLimitOverriddenEvent e) {
                with(e.alarmId(), r -> r.resolvedBy(e.user(), "soft limit overridden: " + e.reason()));
            } else if (payload instanceof AudioPauseEndedEvent e && e.alarmId() != null) {
                with(e.alarmId(), r -> r.brokeThrough = true);
            } else if (payload instanceof AlarmClearedEvent e) {
                with(e.alarmId(), r -> r.cleared(e.at()));
            } else if (payload instanceof SessionEndedEvent e) {
                alarms.values().stream().filter(r -> r.resolution == null && e.endedAt().equals(r.clearedAt))
                        .forEach(r -> r.resolution = SESSION_ENDED);
            }
        }

        List<AlarmRecordView> records() {
            return alarms.values().stream().map(Record::view).toList();
        }

        private void with(AlarmId id, Consumer<Record> change) {
            Record record = alarms.get(id);
            if (record != null) {
                change.accept(record);
            }
        }
    }

    private static final class Record {

        private final AlarmRaisedEvent raised;
        private boolean conditionEnded;
        private String acknowledgedBy;
        private Instant acknowledgedAt;
        private Instant escalatedAt;
        private String escalatedTo;
        private Instant clearedAt;
        private String resolvedBy;
        private String resolution;
        private boolean brokeThrough;

        Record(AlarmRaisedEvent raised) {
            this.raised = raised;
        }

        void resolvedBy(String user, String how) {
            resolvedBy = user;
            resolution = how;
        }

        /**
         * An alarm whose end nobody named ended by itself, unless it was a latched alarm acknowledged after its
         * condition ended, which the acknowledgement ends; the session's end is told when it follows.
         */
        void cleared(Instant at) {
            clearedAt = at;
            if (resolution == null && conditionEnded && acknowledgedAt != null && acknowledgedAt.equals(at)) {
                resolvedBy(acknowledgedBy, ACKNOWLEDGED_AFTER_CONDITION);
            }
        }

        AlarmRecordView view() {
            String how = resolution != null ? resolution : clearedAt != null ? CONDITION_ENDED : null;
            return new AlarmRecordView(raised.alarmId(), raised.rule(), raised.priority(), raised.kind(),
                    raised.message(), raised.conditionStartedAt(), raised.raisedAt(), acknowledgedBy, acknowledgedAt,
                    between(raised.raisedAt(), acknowledgedAt), escalatedAt, escalatedTo, clearedAt, resolvedBy, how,
                    between(raised.raisedAt(), clearedAt), brokeThrough);
        }

        private static Duration between(Instant from, Instant to) {
            return from == null || to == null ? null : Duration.between(from, to);
        }
    }
}
