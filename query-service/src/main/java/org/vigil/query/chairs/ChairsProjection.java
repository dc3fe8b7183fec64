package org.vigil.query.chairs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ChairView;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Vital;
import org.vigil.core.api.VitalReading;
import org.vigil.query.config.DeviceBindings;
import org.vigil.query.live.LiveStream;
import org.vigil.query.support.AfterCommit;

/**
 * The live state of every chair. Runs in the publishing thread (a subscribing processor) and changes its state
 * and pushes to the live stream only after the commit, so a screen never shows what is not stored.
 */
@Component
@ProcessingGroup(ChairsProjection.GROUP)
public class ChairsProjection {

    public static final String GROUP = "live-view";

    private final Map<ChairId, ChairView> chairs = new ConcurrentHashMap<>();
    private final Map<AlarmId, ChairId> chairByAlarm = new ConcurrentHashMap<>();
    private final DeviceBindings bindings;
    private final LiveStream stream;
    private final Clock clock;

    public ChairsProjection(DeviceBindings bindings, LiveStream stream, Clock clock) {
        this.bindings = bindings;
        this.stream = stream;
        this.clock = clock;
        bindings.chairs().forEach(chair -> chairs.put(chair, freeChair(chair)));
    }

    public List<ChairView> all() {
        return chairs.values().stream().sorted(Comparator.comparing(c -> c.chairId().value())).toList();
    }

    public Optional<ChairView> chair(ChairId chair) {
        return Optional.ofNullable(chairs.get(chair));
    }

    /** The session running at a chair, where device messages for that chair belong. */
    public Optional<SessionId> activeSession(ChairId chair) {
        return chair(chair).map(ChairView::session).filter(SessionSummary::active).map(SessionSummary::sessionId);
    }

    /** The session an active alarm belongs to. */
    public Optional<AlarmView> activeAlarm(AlarmId alarm) {
        return Optional.ofNullable(chairByAlarm.get(alarm))
                .flatMap(this::chair)
                .flatMap(view -> view.activeAlarms().stream().filter(a -> a.alarmId().equals(alarm)).findFirst());
    }

    @EventHandler
    public void on(SessionStartedEvent event) {
        SessionSummary summary = new SessionSummary(event.sessionId(), event.chairId(), event.patientPseudonym(),
                event.weightKg(), event.ageYears(), event.treatment(), event.baseline(), event.protocol(),
                event.startedAt(), null);
        change(event.chairId(), view -> new ChairView(view.chairId(), summary, Map.of(), List.of(),
                view.devices(), clock.instant()));
    }

    @EventHandler
    public void on(ObservationsRecordedEvent event) {
        if (event.sessionId() == null || event.chairId() == null) {
            return;
        }
        change(event.chairId(), view -> {
            if (view.session() == null || !view.session().sessionId().equals(event.sessionId())) {
                return view;
            }
            Map<Vital, VitalReading> vitals = new EnumMap<>(Vital.class);
            vitals.putAll(view.vitals());
            event.observations().forEach(o -> o.vital().ifPresent(v -> vitals.put(v, new VitalReading(v, o.value(),
                    o.unit(), event.deviceId(), o.deviceTime() != null ? o.deviceTime() : event.deviceTime(),
                    event.receivedAt()))));
            return new ChairView(view.chairId(), view.session(), Map.copyOf(vitals), view.activeAlarms(),
                    view.devices(), clock.instant());
        });
    }

    @EventHandler
    public void on(AlarmRaisedEvent event) {
        AlarmView alarm = new AlarmView(event.alarmId(), event.sessionId(), event.chairId(), event.rule(),
                event.priority(), event.kind(), event.message(), event.value(), event.conditionStartedAt(),
                event.raisedAt(), false, null, null, null);
        chairByAlarm.put(event.alarmId(), event.chairId());
        changeAlarm(event.chairId(), alarm, alarms -> {
            List<AlarmView> next = new ArrayList<>(alarms);
            next.removeIf(a -> a.alarmId().equals(alarm.alarmId()));
            next.add(alarm);
            next.sort(Comparator.comparing(AlarmView::priority).thenComparing(AlarmView::raisedAt));
            return next;
        });
    }

    @EventHandler
    public void on(AlarmConditionEndedEvent event) {
        updateAlarm(event.chairId(), event.alarmId(), a -> new AlarmView(a.alarmId(), a.sessionId(), a.chairId(),
                a.rule(), a.priority(), a.kind(), a.message(), a.value(), a.conditionStartedAt(), a.raisedAt(), true,
                a.acknowledgedBy(), a.acknowledgedAt(), a.clearedAt()));
    }

    @EventHandler
    public void on(AlarmAcknowledgedEvent event) {
        updateAlarm(event.chairId(), event.alarmId(), a -> new AlarmView(a.alarmId(), a.sessionId(), a.chairId(),
                a.rule(), a.priority(), a.kind(), a.message(), a.value(), a.conditionStartedAt(), a.raisedAt(),
                a.conditionEnded(), event.user(), event.at(), a.clearedAt()));
    }

    @EventHandler
    public void on(AlarmClearedEvent event) {
        AfterCommit.run(() -> {
            chairByAlarm.remove(event.alarmId());
            ChairView before = chairs.get(event.chairId());
            if (before == null) {
                return;
            }
            apply(event.chairId(), v -> withAlarms(v,
                    v.activeAlarms().stream().filter(a -> !a.alarmId().equals(event.alarmId())).toList()));
            before.activeAlarms().stream().filter(a -> a.alarmId().equals(event.alarmId())).findFirst()
                    .ifPresent(a -> stream.alarmChanged(new AlarmView(a.alarmId(), a.sessionId(), a.chairId(),
                            a.rule(), a.priority(), a.kind(), a.message(), a.value(), a.conditionStartedAt(),
                            a.raisedAt(), a.conditionEnded(), a.acknowledgedBy(), a.acknowledgedAt(), event.at())));
        });
    }

    @EventHandler
    public void on(SessionEndedEvent event) {
        change(event.chairId(), view -> {
            if (view.session() == null || !view.session().sessionId().equals(event.sessionId())) {
                return view;
            }
            view.activeAlarms().forEach(a -> chairByAlarm.remove(a.alarmId()));
            return freeChair(view.chairId());
        });
    }

    private void updateAlarm(ChairId chair, AlarmId alarm, UnaryOperator<AlarmView> update) {
        AfterCommit.run(() -> {
            ChairView after = apply(chair, v -> withAlarms(v, v.activeAlarms().stream()
                    .map(a -> a.alarmId().equals(alarm) ? update.apply(a) : a)
                    .toList()));
            after.activeAlarms().stream().filter(a -> a.alarmId().equals(alarm)).findFirst()
                    .ifPresent(stream::alarmChanged);
        });
    }

    private void changeAlarm(ChairId chair, AlarmView alarm, UnaryOperator<List<AlarmView>> update) {
        AfterCommit.run(() -> {
            apply(chair, v -> withAlarms(v, update.apply(v.activeAlarms())));
            stream.alarmChanged(alarm);
        });
    }

    private void change(ChairId chair, UnaryOperator<ChairView> update) {
        AfterCommit.run(() -> apply(chair, update));
    }

    private ChairView apply(ChairId chair, UnaryOperator<ChairView> update) {
        ChairView next = chairs.compute(chair, (id, view) -> update.apply(view != null ? view : freeChair(id)));
        stream.chairChanged(next);
        return next;
    }

    private ChairView withAlarms(ChairView view, List<AlarmView> alarms) {
        return new ChairView(view.chairId(), view.session(), view.vitals(), alarms, view.devices(), clock.instant());
    }

    private ChairView freeChair(ChairId chair) {
        return new ChairView(chair, null, Map.of(), List.of(), bindings.devicesAt(chair), clock.instant());
    }
}
