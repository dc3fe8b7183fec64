package org.vigil.query.interlock;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ConfirmPumpPauseCommand;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.FailPumpPauseCommand;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RequestPumpPauseCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.PumpInterlock;
import org.vigil.query.links.DeviceConnections;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.VigilProperties.DeviceEntry;
import org.vigil.query.support.AfterCommit;
import org.vigil.query.support.ProcessingGroups;

/**
 * The pump interlock, live only (docs/DOMAIN.md, "Pump interlock"; docs/DESIGN.md, "Consumers and processors"): in
 * the subscribing processor {@value ProcessingGroups#PUMP_INTERLOCK}, so it sees only events published in this JVM
 * from now on, never a replay, a read-model rebuild or the store at start-up. Each committed alarm the clinic selected
 * ({@link PauseDecision}) pauses the chair's infusing pumps: the request is recorded on the session first, then the
 * pause goes to the pump's link ({@link DeviceConnections#pausePump}). The pump's next change to {@code PAUSED} or
 * {@code STOPPED} confirms it; no such change within the protocol's time, or no link to send it on, fails it, and the
 * failure raises the technical alarm "pump did not pause". Vigil never restarts a pump: the restart a nurse makes at
 * the pump is recorded as the pump's status change.
 *
 * <p>Work runs after the commit of the event that caused it, one step at a time on a thread of its own, so no command
 * is sent from inside another's unit of work; outstanding pauses live only in memory, and a restart forgets them.
 */
@Component
@ProcessingGroup(ProcessingGroups.PUMP_INTERLOCK)
public class PumpInterlockDecider {

    private static final Logger log = LoggerFactory.getLogger(PumpInterlockDecider.class);

    private final PumpInterlock interlock;
    private final DeviceBindings bindings;
    private final DeviceConnections connections;
    private final CommandGateway commands;
    private final Clock clock;
    private final Map<DeviceId, PumpStatus> statuses = new ConcurrentHashMap<>();
    /** Pumps with a pause sent and not yet confirmed or failed; touched on {@link #steps} only. */
    private final Map<DeviceId, Pause> outstanding = new HashMap<>();
    private final ScheduledExecutorService steps = Executors.newSingleThreadScheduledExecutor(
            new CustomizableThreadFactory("pump-interlock-"));

    PumpInterlockDecider(ClinicProtocol protocol, DeviceBindings bindings, DeviceConnections connections,
                         CommandGateway commands, Clock clock) {
        this.interlock = protocol.pumpInterlock();
        this.bindings = bindings;
        this.connections = connections;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(PumpReportRecordedEvent event) {
        if (event.report().status() != null) {
            AfterCommit.run(() -> statuses.put(event.report().deviceId(), event.report().status()));
        }
    }

    @EventHandler
    void on(AlarmRaisedEvent event) {
        if (interlock.enabled()) {
            AfterCommit.run(() -> steps.execute(() -> decide(event)));
        }
    }

    @EventHandler
    void on(PumpStatusChangedEvent event) {
        if (event.to() == PumpStatus.PAUSED || event.to() == PumpStatus.STOPPED) {
            AfterCommit.run(() -> steps.execute(() -> confirm(event)));
        }
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        AfterCommit.run(() -> steps.execute(() -> outstanding.values()
                .removeIf(pause -> pause.session().equals(event.sessionId()))));
    }

    private void decide(AlarmRaisedEvent alarm) {
        List<PauseDecision.ChairPump> pumps = new ArrayList<>();
        for (DeviceEntry entry : bindings.linkedDevices()) {
            DeviceId device = new DeviceId(entry.id());
            if (alarm.chairId().value().equals(entry.chair())) {
                pumps.add(new PauseDecision.ChairPump(device, entry.protocol(), statuses.get(device)));
            }
        }
        for (DeviceId pump : PauseDecision.pumpsToPause(interlock, alarm, pumps)) {
            if (outstanding.containsKey(pump)) {
                continue;
            }
            try {
                commands.sendAndWait(new RequestPumpPauseCommand(alarm.sessionId(), pump, alarm.alarmId(),
                        alarm.rule(), clock.instant()));
            } catch (RuntimeException e) {
                log.error("Pause of {} for alarm {} not recorded, not sent: {}", pump, alarm.alarmId(),
                        e.getMessage());
                continue;
            }
            Pause pause = new Pause(alarm.sessionId(), alarm.alarmId());
            outstanding.put(pump, pause);
            if (!connections.pausePump(pump)) {
                fail(pump, pause, "no link that can carry the pause");
                continue;
            }
            log.warn("Pump interlock: pausing {} at {} for {} alarm {}", pump, alarm.chairId(), alarm.rule(),
                    alarm.alarmId());
            steps.schedule(() -> fail(pump, pause, "no pause shown within " + interlock.confirmWithin().toSeconds()
                    + " s"), interlock.confirmWithin().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void confirm(PumpStatusChangedEvent event) {
        Pause pause = outstanding.get(event.deviceId());
        if (pause == null || !pause.session().equals(event.sessionId())) {
            return;
        }
        outstanding.remove(event.deviceId());
        send(new ConfirmPumpPauseCommand(event.sessionId(), event.deviceId(), event.to(), event.deviceTime(),
                event.receivedAt()));
    }

    /** Fails the pause unless it was answered meanwhile; a later pause of the same pump is not this one. */
    private void fail(DeviceId pump, Pause pause, String reason) {
        if (outstanding.remove(pump, pause)) {
            log.error("Pump interlock: {} did not pause: {}", pump, reason);
            send(new FailPumpPauseCommand(pause.session(), pump, reason, clock.instant()));
        }
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.error("Pump interlock: {} not recorded: {}", command, e.getMessage());
        }
    }

    /** A pause sent: the session it is recorded on and the alarm that caused it. */
    private record Pause(SessionId session, AlarmId alarm) {
    }

    @PreDestroy
    void stop() {
        steps.shutdownNow();
    }
}
