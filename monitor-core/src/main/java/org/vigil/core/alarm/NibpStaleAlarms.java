package org.vigil.core.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.alarm.NibpStaleRule.Staleness;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.ChairOccupancy;

/**
 * Decides the technical alarm "NIBP stale" ({@link NibpStaleRule}). Staleness comes with time, not with a message,
 * so the application calls {@link #decide()} on a short fixed delay (every second); the alarm ends on the next cuff
 * reading, as soon as it is recorded. Nothing about it is kept only in memory: the last reading and the start are
 * folded from the session's events, so after a restart the first call finds the same staleness.
 *
 * <p>It belongs to the subscribing processor {@value AlarmDecisions#PROCESSING_GROUP}: never replayed; a session
 * it has not met is rebuilt from its stream without deciding ({@link SessionFolds}), and the running sessions are
 * asked of the {@link ChairOccupancy} the first time it is asked to decide ({@link RunningSessions}). Commands are sent
 * without holding any lock, since the handlers of the events they cause run in the same thread.
 */
@ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
public class NibpStaleAlarms extends FoldingDecider<RunningSessions<BloodPressureWatch>> {

    private static final Logger log = LoggerFactory.getLogger(NibpStaleAlarms.class);

    private final AlarmCommands commands;
    private final ClinicProtocol protocol;
    private final Clock clock;

    public NibpStaleAlarms(CommandGateway commandGateway, EventStore eventStore, ChairOccupancy occupancy,
                           ClinicProtocol protocol, Clock clock) {
        super(new RunningSessions<>(Objects.requireNonNull(eventStore, "event store"),
                Objects.requireNonNull(occupancy, "chair occupancy"),
                BloodPressureWatch::started));
        this.commands = new AlarmCommands(commandGateway, clock);
        this.protocol = Objects.requireNonNull(protocol, "clinic protocol");
        this.clock = clock;
    }

    /** Raises the alarm for every running session whose blood pressure is stale now, ends it where it no longer is. */
    public void decide() {
        Instant now = clock.instant();
        sessions.states().forEach((session, watch) -> {
            try {
                decide(session, watch, now);
            } catch (RuntimeException e) {
                log.warn("cannot decide whether the blood pressure of session {} is stale: {}", session,
                        e.getMessage());
            }
        });
    }

    @EventHandler
    void on(SessionStartedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(ObservationsRecordedEvent event, @SequenceNumber Long sequence) {
        if (event.sessionId() == null || !BloodPressureWatch.isReading(event)) {
            return;
        }
        BloodPressureWatch watch = sessions.fold(event.sessionId(), event, sequence);
        AlarmId stale = watch == null ? null : watch.staleAlarm();
        if (stale != null) {
            commands.record(event.sessionId(), new EndCondition(stale), null);
        }
    }

    @EventHandler
    void on(PumpStatusChangedEvent event, @SequenceNumber Long sequence) {
        if (event.sessionId() != null) {
            sessions.fold(event.sessionId(), event, sequence);
        }
    }

    private void decide(SessionId session, BloodPressureWatch watch, Instant now) {
        Staleness staleness = NibpStaleRule.decide(protocol.nibpCadence(), watch.cadenceStart(), watch.lastReading(),
                now);
        AlarmId active = watch.staleAlarm();
        if (staleness.decision() instanceof Condition condition && active == null) {
            commands.record(session, new Raise(NibpStaleRule.NAME, condition), staleness.since(), now);
        } else if (staleness.decision() instanceof RuleDecision.Normal && active != null) {
            commands.record(session, new EndCondition(active), null, now);
        }
    }
}
