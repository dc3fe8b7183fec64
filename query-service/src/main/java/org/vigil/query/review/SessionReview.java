package org.vigil.query.review;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRecordView;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.ProtocolRef;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.AlarmThresholds;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.pump.DoseLedger;
import org.vigil.core.session.SessionProgress;
import org.vigil.query.sessions.AlarmRecords;

/**
 * One session for its review, read once from its own stream (the record, never a snapshot) and from the alarm
 * records read model, so the response times are the ones the alarm records show. The workflow is folded with the
 * same {@link SessionProgress} the session decided with.
 */
@Component
class SessionReview {

    /** The series the chart draws, by the name the page uses. */
    private static final Map<Vital, String> SERIES = Map.of(Vital.NIBP_SYSTOLIC, "sbp",
            Vital.NIBP_DIASTOLIC, "dbp", Vital.NIBP_MEAN, "map", Vital.HEART_RATE, "hr", Vital.SPO2, "spo2",
            Vital.RESPIRATORY_RATE, "rr");

    private final EventStore eventStore;
    private final AlarmRecords alarmRecords;
    private final ClinicProtocol protocol;
    private final Clock clock;

    SessionReview(EventStore eventStore, AlarmRecords alarmRecords, ClinicProtocol protocol, Clock clock) {
        this.eventStore = eventStore;
        this.alarmRecords = alarmRecords;
        this.protocol = protocol;
        this.clock = clock;
    }

    /** The session's review; empty when the session is unknown or never started. */
    Optional<ReviewData> of(SessionId id) {
        Fold fold = new Fold();
        DomainEventStream events = eventStore.readEvents(id.value(), 0L);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof SessionStartedEvent) {
                fold.startStored = event.getTimestamp();
            }
            fold.apply(event.getPayload());
        }
        if (fold.summary == null) {
            return Optional.empty();
        }
        List<AlarmRecordView> alarms = alarmRecords.of(id).orElse(List.of());
        Instant now = fold.summary.endedAt() != null ? fold.summary.endedAt() : clock.instant();
        return Optional.of(new ReviewData(fold.summary, fold.startStored, thresholdsOf(fold.summary.protocol()),
                fold.vitals, fold.infusion, alarms, fold.actions, fold.progress.view(now).checkpoints(),
                fold.figures(alarms)));
    }

    private AlarmThresholds thresholdsOf(ProtocolRef ran) {
        return ran != null && ran.equals(protocol.ref()) ? protocol.alarms() : null;
    }

    /** What the review needs from the session's events, folded in order. */
    private static final class Fold {

        private SessionSummary summary;
        private Instant startStored;
        private final Map<String, List<ReviewData.Point>> vitals = new LinkedHashMap<>();
        private final List<ReviewData.InfusionPoint> infusion = new ArrayList<>();
        private final List<ReviewData.Action> actions = new ArrayList<>();
        private SessionProgress progress = new SessionProgress();
        private DoseLedger ledger = DoseLedger.empty();
        private InfusionPrescribedEvent prescription;
        private Instant firstVital;
        private Instant lastVital;
        private Instant dischargeCriteriaMet;

        Fold() {
            SERIES.values().forEach(name -> vitals.put(name, new ArrayList<>()));
        }

        void apply(Object payload) {
            progress.apply(payload);
            if (payload instanceof SessionStartedEvent e) {
                summary = SessionSummary.started(e);
            } else if (payload instanceof SessionEndedEvent e && summary != null) {
                summary = summary.ended(e.endedAt());
            } else if (payload instanceof ObservationsRecordedEvent e) {
                observed(e);
            } else if (payload instanceof PumpReportRecordedEvent e) {
                pumped(e);
            } else if (payload instanceof InfusionPrescribedEvent e) {
                prescription = e;
            } else if (payload instanceof DischargeAssessedEvent e && e.criteriaMet() && dischargeCriteriaMet == null) {
                dischargeCriteriaMet = e.at();
            }
            action(payload).ifPresent(actions::add);
        }

        private void observed(ObservationsRecordedEvent event) {
            event.observations().forEach(o -> o.vital().filter(SERIES::containsKey).ifPresent(vital -> {
                if (o.value() == null) {
                    return;
                }
                vitals.get(SERIES.get(vital)).add(new ReviewData.Point(event.receivedAt().toEpochMilli(), o.value()));
            }));
            if (firstVital == null) {
                firstVital = event.receivedAt();
            }
            lastVital = event.receivedAt();
        }

        private void pumped(PumpReportRecordedEvent event) {
            ledger = ledger.record(event.report());
            double mg = ledger.deliveredMg(concentration());
            Instant at = event.report().receivedAt();
            Double rate = event.report().programme() == null ? null : event.report().programme().rateMlPerHour();
            infusion.add(new ReviewData.InfusionPoint(at.toEpochMilli(), rate, mg, perKg(mg)));
        }

        private Double concentration() {
            return prescription == null ? null : prescription.concentrationMgPerMl();
        }

        private Double perKg(Double mg) {
            return mg == null || summary == null || summary.weightKg() <= 0 ? null : mg / summary.weightKg();
        }

        ReviewData.Figures figures(List<AlarmRecordView> alarms) {
            double delivered = ledger.deliveredMg(concentration());
            Double prescribed = prescription == null ? null : prescription.expectedDoseMg();
            Map<AlarmPriority, Long> byPriority = new EnumMap<>(AlarmPriority.class);
            for (AlarmPriority priority : AlarmPriority.values()) {
                byPriority.put(priority, alarms.stream().filter(a -> a.priority() == priority).count());
            }
            List<Duration> toAcknowledge = alarms.stream().map(AlarmRecordView::timeToAcknowledge)
                    .filter(Objects::nonNull).sorted().toList();
            return new ReviewData.Figures(prescribed, prescription == null ? null : prescription.mgPerKg(),
                    delivered, perKg(delivered), prescribed == null ? null : delivered - prescribed,
                    peak("sbp"), peak("dbp"), byPriority, median(toAcknowledge),
                    toAcknowledge.isEmpty() ? null : toAcknowledge.get(toAcknowledge.size() - 1),
                    alarms.stream().filter(a -> a.escalatedAt() != null).count(), firstVital, lastVital,
                    firstVital == null ? null : Duration.between(firstVital, lastVital), dischargeCriteriaMet);
        }

        private ReviewData.Peak peak(String series) {
            ReviewData.Point highest = null;
            for (ReviewData.Point point : vitals.get(series)) {
                if (highest == null || point.v() > highest.v()) {
                    highest = point;
                }
            }
            return highest == null ? null : new ReviewData.Peak(highest.v(), Instant.ofEpochMilli(highest.t()));
        }

        private static Duration median(List<Duration> sorted) {
            if (sorted.isEmpty()) {
                return null;
            }
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle)
                    : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
        }
    }

    /**
     * A named person's action, from any event that records who ({@code user}, or {@code prescribedBy}) and when
     * ({@code at}); what they did is the event's name, e.g. "Alarm acknowledged".
     */
    static Optional<ReviewData.Action> action(Object payload) {
        if (!payload.getClass().isRecord()) {
            return Optional.empty();
        }
        String user = null;
        Instant at = null;
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            String name = component.getName();
            if (name.equals("user") || name.equals("prescribedBy")) {
                user = (String) read(component, payload);
            } else if (name.equals("at")) {
                at = (Instant) read(component, payload);
            }
        }
        return user == null || at == null ? Optional.empty()
                : Optional.of(new ReviewData.Action(at, user, what(payload.getClass().getSimpleName())));
    }

    /** "AlarmAcknowledgedEvent" → "Alarm acknowledged". */
    static String what(String eventName) {
        String words = eventName.replaceFirst("Event$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }
}
