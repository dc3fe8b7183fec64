package org.vigil.core.alarm;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionStartedEvent;

/**
 * Decides the technical alarm "device offline" ({@link DeviceOfflineRule}) on the session running at a device's
 * chair, and records each decision as a command to that session, whose events are the stored decisions
 * (DESIGN.md, principles 1 and 7). The rule is applied to a chair whenever one of its devices goes offline,
 * recovers or connects, and when a session starts there, so a session started beside a device that is already
 * offline raises the alarm at once.
 *
 * <p>Like {@link AlarmProjection} it belongs to the subscribing processor {@value AlarmProjection#PROCESSING_GROUP}:
 * it decides in the publishing thread and never on a replay. Which session runs at which chair is known from no
 * single stream, so after a restart the first event it handles makes it fold the stored session, device and
 * alarm events from the store once, deciding nothing, before it handles that event.
 *
 * <p>Commands are sent without holding the state's lock, which the handlers of events published while a session
 * is locked need; decisions are taken one at a time, so two outages of one chair cannot both raise. Events are
 * folded into the state only once committed; a decision is taken on a copy with its event folded in, so a unit of
 * work that rolls back leaves nothing behind.
 */
@ProcessingGroup(AlarmProjection.PROCESSING_GROUP)
public class DeviceSupervisionAlarms {

    private static final Logger log = LoggerFactory.getLogger(DeviceSupervisionAlarms.class);

    private final AlarmCommands commands;
    private final EventStore eventStore;
    private final SupervisedChairs chairs = new SupervisedChairs();
    private final Object decisions = new Object();
    private final String rebuildResource = "vigil.device-supervision.rebuild." + System.identityHashCode(this);
    private final String foldResource = "vigil.device-supervision.fold." + System.identityHashCode(this);
    private boolean rebuilt;

    public DeviceSupervisionAlarms(CommandGateway commandGateway, EventStore eventStore, Clock clock) {
        this.commands = new AlarmCommands(commandGateway, clock);
        this.eventStore = Objects.requireNonNull(eventStore, "event store");
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        decideAfter(event);
    }

    @EventHandler
    void on(DeviceDisconnectedEvent event) {
        decideAfter(event);
    }

    @EventHandler
    void on(DeviceSilentEvent event) {
        decideAfter(event);
    }

    @EventHandler
    void on(DeviceRecoveredEvent event) {
        decideAfter(event);
    }

    @EventHandler
    void on(DeviceConnectedEvent event) {
        decideAfter(event);
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

    /** Decides on the committed state with the event folded in, a copy: the event may yet roll back. */
    private void decideAfter(Object event) {
        synchronized (decisions) {
            SupervisedChairs tentative = committed().copy();
            Set<ChairId> concerned = tentative.apply(event);
            fold(event);
            for (ChairId chair : concerned) {
                ChairSupervision situation = tentative.situation(chair);
                for (AlarmChange change : DeviceOfflineRule.changes(situation)) {
                    commands.record(situation.session(), change, situation.offlineSince());
                }
            }
        }
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

    /**
     * Folds the stored history up to the store's head as it is now, deciding nothing. The event being handled is
     * folded after it; whether the scan saw it already depends on the storage engine (a JPA or JDBC store appends
     * it in the transaction before this processor runs, the in-memory one at the commit), and folding an event
     * twice changes nothing.
     */
    private void rebuild() {
        long folded = StoreScan.fold(eventStore, SupervisedChairs.FOLDED, chairs::apply);
        log.info("device supervision rebuilt from {} stored session, device and alarm events", folded);
    }
}
