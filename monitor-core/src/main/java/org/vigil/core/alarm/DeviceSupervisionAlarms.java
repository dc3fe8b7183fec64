package org.vigil.core.alarm;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.alarm.DeviceOutages.Outage;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.session.ChairOccupancy;

/**
 * Decides the technical alarm "device offline" ({@link DeviceOfflineRule}) on the session running at a device's
 * chair, and records each decision as a command to that session, whose events are the stored decisions
 * (docs/DESIGN.md, principles 1 and 7). The rule is applied to a chair whenever one of its devices goes offline,
 * recovers or connects, and when a session starts there, so a session started beside a device that is already
 * offline raises the alarm at once.
 *
 * <p>Like {@link VitalSignAlarms} it belongs to the subscribing processor {@value AlarmDecisions#PROCESSING_GROUP}:
 * it decides in the publishing thread and never on a replay. It keeps the outages it knows in {@link DeviceOutages},
 * in the transaction of the event that changed them. After a restart the first event it handles makes it restore,
 * deciding nothing, the running sessions from the {@link ChairOccupancy}, the outages from {@link DeviceOutages},
 * and each running session's device-offline alarm from that session's own stream; no other history is read.
 *
 * <p>Commands are sent without holding the state's lock, which the handlers of events published while a session
 * is locked need; decisions are taken one at a time, so two outages of one chair cannot both raise. Events are
 * folded into the state only once committed; a decision is taken on a copy with its event folded in, so a unit of
 * work that rolls back leaves nothing behind.
 */
@ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
public class DeviceSupervisionAlarms {

    private static final Logger log = LoggerFactory.getLogger(DeviceSupervisionAlarms.class);

    private final AlarmCommands commands;
    private final EventStore eventStore;
    private final ChairOccupancy occupancy;
    private final DeviceOutages outages;
    private final SupervisedChairs chairs = new SupervisedChairs();
    private final Object decisions = new Object();
    private final String rebuildResource = "vigil.device-supervision.rebuild." + System.identityHashCode(this);
    private final String foldResource = "vigil.device-supervision.fold." + System.identityHashCode(this);
    private boolean rebuilt;

    public DeviceSupervisionAlarms(CommandGateway commandGateway, EventStore eventStore, ChairOccupancy occupancy,
                                   DeviceOutages outages, Clock clock) {
        this.commands = new AlarmCommands(commandGateway, clock);
        this.eventStore = Objects.requireNonNull(eventStore, "event store");
        this.occupancy = Objects.requireNonNull(occupancy, "chair occupancy");
        this.outages = Objects.requireNonNull(outages, "device outages");
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        decideAfter(event);
    }

    @EventHandler
    void on(DeviceDisconnectedEvent event) {
        keep(event.deviceId(), decideAfter(event));
    }

    @EventHandler
    void on(DeviceSilentEvent event) {
        keep(event.deviceId(), decideAfter(event));
    }

    @EventHandler
    void on(DeviceRecoveredEvent event) {
        keep(event.deviceId(), decideAfter(event));
    }

    @EventHandler
    void on(DeviceConnectedEvent event) {
        keep(event.deviceId(), decideAfter(event));
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        fold(event);
    }

    @EventHandler
    void on(AlarmRaisedEvent event) {
        fold(event);
    }

    @EventHandler
    void on(AlarmConditionEndedEvent event) {
        fold(event);
    }

    @EventHandler
    void on(AlarmClearedEvent event) {
        fold(event);
    }

    /**
     * Decides on the committed state with the event folded in, a copy: the event may yet roll back. The copy holds
     * only the chairs the event concerns (its own, and the one its device was offline at, as folded or as stored)
     * and the event's device, and takes their running sessions and outages from the store first: a session
     * started, or a device gone offline, in a unit of work that committed just before this one is folded here only
     * after that commit, and a decision taken without it would leave a session beside an offline device without
     * its alarm. Nothing else is read or copied, so a decision costs the same in a clinic of any size.
     *
     * @return that copy, the state as it stands if the event commits
     */
    private SupervisedChairs decideAfter(Object event) {
        synchronized (decisions) {
            SupervisedChairs committed = committed();
            DeviceId device = deviceOf(event);
            Optional<Outage> stored = device == null ? Optional.empty() : outages.of(device);
            Set<ChairId> chairs = new LinkedHashSet<>();
            if (device != null) {
                committed.outage(device).map(Outage::chairId).ifPresent(chairs::add);
                stored.map(Outage::chairId).ifPresent(chairs::add);
            }
            chairOf(event).ifPresent(chairs::add);
            Map<ChairId, Optional<SessionId>> running = new LinkedHashMap<>();
            chairs.forEach(chair -> running.put(chair, occupancy.recordedAt(chair)));
            Set<SessionId> sessions = new LinkedHashSet<>();
            running.values().forEach(session -> session.ifPresent(sessions::add));
            SupervisedChairs tentative = committed.copyFor(chairs, device, sessions);
            if (device != null) {
                tentative.refresh(device, stored);
            }
            running.forEach((chair, session) -> tentative.refresh(chair, session, outages.at(chair)));
            Set<ChairId> concerned = tentative.apply(event);
            fold(event);
            for (ChairId chair : concerned) {
                ChairSupervision situation = tentative.situation(chair);
                for (AlarmChange change : DeviceOfflineRule.changes(situation)) {
                    commands.record(situation.session(), change, situation.offlineSince());
                }
            }
            return tentative;
        }
    }

    private static DeviceId deviceOf(Object event) {
        if (event instanceof DeviceDisconnectedEvent disconnected) {
            return disconnected.deviceId();
        } else if (event instanceof DeviceSilentEvent silent) {
            return silent.deviceId();
        } else if (event instanceof DeviceRecoveredEvent recovered) {
            return recovered.deviceId();
        } else if (event instanceof DeviceConnectedEvent connected) {
            return connected.deviceId();
        }
        return null;
    }

    private static Optional<ChairId> chairOf(Object event) {
        if (event instanceof SessionStartedEvent started) {
            return Optional.ofNullable(started.chairId());
        } else if (event instanceof DeviceDisconnectedEvent disconnected) {
            return Optional.ofNullable(disconnected.chairId());
        } else if (event instanceof DeviceSilentEvent silent) {
            return Optional.ofNullable(silent.chairId());
        } else if (event instanceof DeviceRecoveredEvent recovered) {
            return Optional.ofNullable(recovered.chairId());
        } else if (event instanceof DeviceConnectedEvent connected) {
            return Optional.ofNullable(connected.chairId());
        }
        return Optional.empty();
    }

    /** Folds the event into the state once its unit of work is committed: a rolled-back event is never folded. */
    private void fold(Object event) {
        SupervisedChairs state = committed();
        UnitsOfWork.afterCommit(foldResource, event, state::apply);
    }

    private SupervisedChairs committed() {
        synchronized (chairs) {
            if (!rebuilt) {
                rebuild();
                rebuilt = true;
                UnitsOfWork.onRollback(rebuildResource, Boolean.TRUE, ignored -> forget());
            }
            return chairs;
        }
    }

    /** A rebuild that read a unit of work's own uncommitted events must not outlive that unit of work. */
    private void forget() {
        synchronized (chairs) {
            chairs.clear();
            rebuilt = false;
        }
    }

    /** Keeps the device's outage as the event leaves it, in the transaction of that event: it rolls back with it. */
    private void keep(DeviceId device, SupervisedChairs after) {
        after.outage(device).ifPresentOrElse(outages::save, () -> outages.remove(device));
    }

    /**
     * Restores the running sessions and the outages, then folds each running session's stream, deciding nothing.
     * The event being handled is folded after it; whether a session's stream holds it already depends on the
     * storage engine (a JPA or JDBC store appends it in the transaction before this processor runs, the in-memory
     * one at the commit), and folding an event twice changes nothing.
     */
    private void rebuild() {
        Map<ChairId, SessionId> running = occupancy.running();
        chairs.restore(running, outages.all());
        long folded = 0;
        for (SessionId session : running.values()) {
            DomainEventStream stream = eventStore.readEvents(session.value(), 0L);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (SupervisedChairs.FOLDED.contains(message.getPayloadType())) {
                    chairs.apply(message.getPayload());
                    folded++;
                }
            }
        }
        log.info("device supervision restored: {} running sessions ({} of their events), {} devices offline",
                running.size(), folded, outages.all().size());
    }
}
