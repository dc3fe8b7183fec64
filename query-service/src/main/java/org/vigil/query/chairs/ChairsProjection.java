package org.vigil.query.chairs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.AudioPauseView;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.ChairDeviceView;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ChairView;
import org.vigil.core.api.Checkpoint;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.PumpPauseConfirmedEvent;
import org.vigil.core.api.PumpPauseFailedEvent;
import org.vigil.core.api.PumpPauseRequestedEvent;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Vital;
import org.vigil.core.api.VitalReading;
import org.vigil.core.api.WorkflowEvent;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.NibpCadence;
import org.vigil.core.session.SessionProgress;
import org.vigil.query.links.ChairLinks;
import org.vigil.query.live.CurrentChairs;
import org.vigil.query.live.LiveStream;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.support.AfterCommit;
import org.vigil.query.support.ProcessingGroups;

/**
 * The live state of every chair. Runs in the publishing thread (a subscribing processor) and changes its state
 * and pushes to the live stream only after the commit, so a screen never shows what is not stored. At start-up it
 * is folded from the running sessions' own streams ({@link LiveViewStart}), never from the whole store; the state
 * of the devices' links comes from their connections as they report now.
 */
@Component
@ProcessingGroup(ProcessingGroups.LIVE_VIEW)
public class ChairsProjection implements CurrentChairs, ChairLinks {

    private final Map<ChairId, ChairState> chairs = new ConcurrentHashMap<>();
    private final Map<AlarmId, ChairId> chairByAlarm = new ConcurrentHashMap<>();
    /** The workflow of the session at each chair: its phase, dose start and next checkpoint. */
    private final Map<ChairId, SessionProgress> workflows = new ConcurrentHashMap<>();
    private final DeviceBindings bindings;
    private final LiveStream stream;
    private final NibpCadence cadence;
    private final Clock clock;

    public ChairsProjection(DeviceBindings bindings, LiveStream stream, ClinicProtocol protocol, Clock clock) {
        this.bindings = bindings;
        this.stream = stream;
        this.cadence = protocol.nibpCadence();
        this.clock = clock;
        bindings.chairs().forEach(chair -> chairs.put(chair, freeChair(chair)));
    }

    @Override
    public List<ChairView> all() {
        Instant now = clock.instant();
        return chairs.values().stream()
                .sorted(Comparator.comparing(c -> c.chairId().value()))
                .map(state -> view(state, now))
                .toList();
    }

    public Optional<ChairView> chair(ChairId chair) {
        return Optional.ofNullable(chairs.get(chair)).map(state -> view(state, clock.instant()));
    }

    /** The session running at a chair, where device messages for that chair belong. */
    public Optional<SessionId> activeSession(ChairId chair) {
        return Optional.ofNullable(chairs.get(chair)).map(ChairState::session).filter(SessionSummary::active)
                .map(SessionSummary::sessionId);
    }

    /** An active alarm, with the session it belongs to. */
    public Optional<AlarmView> activeAlarm(AlarmId alarm) {
        return Optional.ofNullable(chairByAlarm.get(alarm))
                .map(chairs::get)
                .flatMap(state -> state.alarms().stream().filter(a -> a.alarmId().equals(alarm)).findFirst());
    }

    /**
     * The chair of a running session as the live view holds it, for a snapshot ({@link LiveViewSnapshots}); empty
     * when that session does not run at the chair.
     */
    Optional<LiveChair> export(ChairId chair, SessionId session, Map<Vital, List<ChairTrends.Point>> trends) {
        ChairState state = chairs.get(chair);
        if (state == null || !runs(state, session)) {
            return Optional.empty();
        }
        ChairState.Infusion infusion = state.infusion();
        return Optional.of(new LiveChair(state.session(), state.phase(), state.doseStartedAt(), state.vitals(),
                infusion.ledger(), infusion.lastPump(), infusion.prescribedConcentrationMgPerMl(),
                infusion.interlockPause(), state.alarms(), state.audioPause(), workflows.get(chair), trends));
    }

    /**
     * Puts back a running session's chair from a snapshot, as if its stream had been folded up to the snapshot;
     * the chair keeps its device links.
     */
    void restore(LiveChair saved) {
        ChairId chair = saved.session().chairId();
        chairs.compute(chair, (id, state) -> new ChairState(id, saved.session(), saved.phase(),
                saved.doseStartedAt(), Map.copyOf(saved.vitals()), new ChairState.Infusion(saved.ledger(),
                        saved.lastPump(), saved.prescribedConcentrationMgPerMl(), saved.interlockPause()),
                List.copyOf(saved.alarms()), saved.audioPause(), (state != null ? state : freeChair(id)).devices()));
        saved.alarms().forEach(alarm -> chairByAlarm.put(alarm.alarmId(), chair));
        if (saved.workflow() != null) {
            workflows.put(chair, saved.workflow());
        } else {
            workflows.remove(chair);
        }
    }

    /** What this view holds for one chair: its state and its session's workflow, both never changed in place. */
    record ChairFold(ChairState state, SessionProgress workflow) {
    }

    /** The chair as folded so far, to resume from later ({@link ChairReplay}). */
    ChairFold fold(ChairId chair) {
        return new ChairFold(chairs.computeIfAbsent(chair, this::freeChair), workflows.get(chair));
    }

    /** A chair before any event of its session: free, its configured devices' links unknown. */
    ChairFold freeFold(ChairId chair) {
        return new ChairFold(freeChair(chair), null);
    }

    /** Resumes a chair from a fold taken earlier, by this view or another over the same configuration. */
    void resume(ChairFold fold) {
        ChairId chair = fold.state().chairId();
        chairs.put(chair, fold.state());
        if (fold.workflow() == null) {
            workflows.remove(chair);
        } else {
            workflows.put(chair, fold.workflow());
        }
    }

    /** One chair as the tile showed it at {@code at}. */
    ChairView chairAt(ChairId chair, Instant at) {
        return view(chairs.computeIfAbsent(chair, this::freeChair), at);
    }

    @EventHandler
    public void on(SessionStartedEvent event) {
        SessionSummary summary = SessionSummary.started(event);
        change(event.chairId(), state -> {
            state.alarms().forEach(a -> chairByAlarm.remove(a.alarmId()));
            workflows.remove(event.chairId());
            return follow(state.withSession(summary), event);
        });
    }

    @EventHandler
    public void on(ObservationsRecordedEvent event) {
        if (event.sessionId() == null || event.chairId() == null) {
            return;
        }
        change(event.chairId(), state -> {
            if (!runs(state, event.sessionId())) {
                return state;
            }
            Map<Vital, VitalReading> vitals = new EnumMap<>(Vital.class);
            vitals.putAll(state.vitals());
            event.observations().forEach(o -> o.vital().ifPresent(v -> vitals.put(v, new VitalReading(v, o.value(),
                    o.unit(), event.deviceId(), event.deviceTimeOf(o), event.receivedAt()))));
            return follow(state.withVitals(Map.copyOf(vitals)), event);
        });
    }

    /**
     * The workflow's state is the chair's phase; dosing started when the workflow says it did; the pre-assessment's
     * weight and baseline are the ones the tile compares with from then on.
     */
    @EventHandler
    public void on(WorkflowEvent event) {
        change(event.chairId(),
                state -> runs(state, event.sessionId()) ? follow(assessed(state, event), event) : state);
    }

    private static ChairState assessed(ChairState state, WorkflowEvent event) {
        return event instanceof PreAssessmentRecordedEvent assessment
                ? state.withSummary(state.session().assessed(assessment.weightKg(), assessment.baseline()))
                : state;
    }

    @EventHandler
    public void on(PumpReportRecordedEvent event) {
        if (event.sessionId() == null || event.chairId() == null) {
            return;
        }
        change(event.chairId(), state -> !runs(state, event.sessionId()) ? state
                : state.withInfusion(new ChairState.Infusion(state.infusion().ledger().record(event.report()),
                        event.report().deviceId(), state.infusion().prescribedConcentrationMgPerMl(),
                        state.infusion().interlockPause())));
    }

    @EventHandler
    public void on(InfusionPrescribedEvent event) {
        change(event.chairId(), state -> !runs(state, event.sessionId()) ? state
                : state.withInfusion(new ChairState.Infusion(state.infusion().ledger(), state.infusion().lastPump(),
                        event.concentrationMgPerMl(), state.infusion().interlockPause())));
    }

    @EventHandler
    public void on(PumpPauseRequestedEvent event) {
        interlockPause(event.chairId(), event.sessionId(), "REQUESTED");
    }

    @EventHandler
    public void on(PumpPauseConfirmedEvent event) {
        interlockPause(event.chairId(), event.sessionId(), "CONFIRMED");
    }

    @EventHandler
    public void on(PumpPauseFailedEvent event) {
        interlockPause(event.chairId(), event.sessionId(), "FAILED");
    }

    private void interlockPause(ChairId chair, SessionId session, String pause) {
        change(chair, state -> !runs(state, session) ? state
                : state.withInfusion(state.infusion().withInterlockPause(pause)));
    }

    /**
     * Dosing began when a pump first started infusing in the session; a pump that infuses again after the interlock
     * paused it was restarted by a nurse, and the tile no longer shows the pause.
     */
    @EventHandler
    public void on(PumpStatusChangedEvent event) {
        if (event.to() != PumpStatus.INFUSING) {
            return;
        }
        change(event.chairId(), state -> !runs(state, event.sessionId()) || state.infusion().interlockPause() == null
                ? state : state.withInfusion(state.infusion().withInterlockPause(null)));
        change(event.chairId(), state -> !runs(state, event.sessionId()) || state.doseStartedAt() != null ? state
                : state.withPhase(state.phase(), event.deviceTime() != null ? event.deviceTime()
                        : event.receivedAt()));
    }

    @EventHandler
    public void on(AlarmRaisedEvent event) {
        AlarmView alarm = AlarmView.raised(event);
        AfterCommit.run(() -> {
            chairByAlarm.put(event.alarmId(), event.chairId());
            apply(event.chairId(), state -> {
                List<AlarmView> next = new ArrayList<>(state.alarms());
                next.removeIf(a -> a.alarmId().equals(alarm.alarmId()));
                next.add(alarm);
                next.sort(Comparator.comparing(AlarmView::priority).thenComparing(AlarmView::raisedAt));
                return state.withAlarms(List.copyOf(next));
            });
            stream.alarmChanged(alarm);
        });
    }

    @EventHandler
    public void on(AlarmConditionEndedEvent event) {
        updateAlarm(event.chairId(), event.alarmId(), AlarmView::afterConditionEnded);
    }

    @EventHandler
    public void on(AlarmAcknowledgedEvent event) {
        updateAlarm(event.chairId(), event.alarmId(), a -> a.acknowledged(event.user(), event.at()));
    }

    /** An escalation changes the alarm on the screens and goes out as an {@code escalation} event of its own. */
    @EventHandler
    public void on(AlarmEscalatedEvent event) {
        updateAlarm(event.chairId(), event.alarmId(), a -> a.escalated(event.at(), event.to()));
        AfterCommit.run(() -> activeAlarm(event.alarmId()).map(a -> a.escalated(event.at(), event.to()))
                .ifPresent(stream::alarmEscalated));
    }

    @EventHandler
    public void on(AlarmClearedEvent event) {
        AfterCommit.run(() -> {
            chairByAlarm.remove(event.alarmId());
            ChairState before = chairs.get(event.chairId());
            if (before == null) {
                return;
            }
            apply(event.chairId(), state -> state.withAlarms(
                    state.alarms().stream().filter(a -> !a.alarmId().equals(event.alarmId())).toList()));
            before.alarms().stream().filter(a -> a.alarmId().equals(event.alarmId())).findFirst()
                    .ifPresent(a -> stream.alarmChanged(a.cleared(event.at())));
        });
    }

    @EventHandler
    public void on(AudioPausedEvent event) {
        change(event.chairId(), state -> !runs(state, event.sessionId()) ? state
                : state.withAudioPause(AudioPauseView.paused(event)));
    }

    /** A pause that ended early stays on the tile as it ended; one that already ended is left as it was. */
    @EventHandler
    public void on(AudioPauseEndedEvent event) {
        change(event.chairId(), state -> !runs(state, event.sessionId()) || state.audioPause() == null
                || state.audioPause().endedAt() != null ? state
                : state.withAudioPause(state.audioPause().endedEarly(event.at(), event.reason())));
    }

    @EventHandler
    public void on(SessionEndedEvent event) {
        change(event.chairId(), state -> {
            if (!runs(state, event.sessionId())) {
                return state;
            }
            state.alarms().forEach(a -> chairByAlarm.remove(a.alarmId()));
            workflows.remove(event.chairId());
            return state.withSession(null);
        });
    }

    @EventHandler
    public void on(DeviceConnectedEvent event) {
        device(event.chairId(), event.deviceId(), d -> new ChairDeviceView(d.deviceId(), "CONNECTED", d.offline()));
    }

    @EventHandler
    public void on(DeviceDisconnectedEvent event) {
        device(event.chairId(), event.deviceId(), d -> new ChairDeviceView(d.deviceId(), "DISCONNECTED", true));
    }

    @EventHandler
    public void on(DeviceSilentEvent event) {
        device(event.chairId(), event.deviceId(), d -> new ChairDeviceView(d.deviceId(), d.state(), true));
    }

    @EventHandler
    public void on(DeviceRecoveredEvent event) {
        device(event.chairId(), event.deviceId(), d -> new ChairDeviceView(d.deviceId(), d.state(), false));
    }

    /**
     * A device's connection reports it connected, and the store holds that (recorded now, or already the device's
     * state): how the tile learns the link after a restart, when the device records nothing new.
     */
    @Override
    public void linkConnected(ChairId chair, DeviceId device) {
        device(chair, device, d -> new ChairDeviceView(d.deviceId(), "CONNECTED", d.offline()));
    }

    /** A device's connection reports it lost, and the store holds that. */
    @Override
    public void linkDisconnected(ChairId chair, DeviceId device) {
        device(chair, device, d -> new ChairDeviceView(d.deviceId(), "DISCONNECTED", true));
    }

    /** A device sends nothing usable, or usable data again, and the store holds that. */
    @Override
    public void linkOffline(ChairId chair, DeviceId device, boolean offline) {
        device(chair, device, d -> new ChairDeviceView(d.deviceId(), d.state(), offline));
    }

    private ChairState follow(ChairState state, Object event) {
        SessionProgress progress = workflows.getOrDefault(state.chairId(), new SessionProgress()).with(event);
        workflows.put(state.chairId(), progress);
        Instant doseStarted = progress.doseStartedAt() != null ? progress.doseStartedAt() : state.doseStartedAt();
        return state.withPhase(progress.state() == null ? null : progress.state().name(), doseStarted);
    }

    private void device(ChairId chair, DeviceId device, UnaryOperator<ChairDeviceView> update) {
        if (chair == null) {
            return;
        }
        change(chair, state -> {
            Map<DeviceId, ChairDeviceView> devices = new LinkedHashMap<>(state.devices());
            devices.put(device, update.apply(devices.getOrDefault(device,
                    new ChairDeviceView(device, "UNKNOWN", false))));
            return state.withDevices(devices);
        });
    }

    private void updateAlarm(ChairId chair, AlarmId alarm, UnaryOperator<AlarmView> update) {
        AfterCommit.run(() -> {
            ChairState after = apply(chair, state -> state.withAlarms(state.alarms().stream()
                    .map(a -> a.alarmId().equals(alarm) ? update.apply(a) : a)
                    .toList()));
            after.alarms().stream().filter(a -> a.alarmId().equals(alarm)).findFirst()
                    .ifPresent(stream::alarmChanged);
        });
    }

    private void change(ChairId chair, UnaryOperator<ChairState> update) {
        AfterCommit.run(() -> apply(chair, update));
    }

    private ChairState apply(ChairId chair, UnaryOperator<ChairState> update) {
        ChairState next = chairs.compute(chair, (id, state) -> update.apply(state != null ? state : freeChair(id)));
        if (stream.subscribers() > 0) {
            stream.chairChanged(view(next, clock.instant()));
        }
        return next;
    }

    private ChairView view(ChairState state, Instant now) {
        Instant nextBpDue = null;
        boolean stale = false;
        Checkpoint nextCheckpoint = null;
        if (state.session() != null) {
            SessionProgress workflow = workflows.get(state.chairId());
            nextCheckpoint = workflow == null ? null : workflow.nextCheckpoint(now);
            Instant start = state.doseStartedAt() != null ? state.doseStartedAt() : state.session().startedAt();
            VitalReading bp = state.vitals().get(Vital.NIBP_SYSTOLIC);
            Instant last = bp == null ? null : bp.receivedAt();
            nextBpDue = cadence.nextDue(start, last);
            stale = cadence.isStale(start, last, now);
        }
        return new ChairView(state.chairId(), state.session(), state.phase(), state.doseStartedAt(), state.vitals(),
                nextBpDue, stale, nextCheckpoint, state.pumpView(), state.alarms(), state.audioPause(),
                List.copyOf(state.devices().values()), now);
    }

    private static boolean runs(ChairState state, SessionId session) {
        return state.session() != null && state.session().sessionId().equals(session);
    }

    private ChairState freeChair(ChairId chair) {
        Map<DeviceId, ChairDeviceView> devices = new LinkedHashMap<>();
        bindings.devicesAt(chair).forEach(d -> devices.put(d, new ChairDeviceView(d, "UNKNOWN", false)));
        return new ChairState(chair, null, null, null, Map.of(), ChairState.Infusion.NONE, List.of(), null, devices);
    }
}
