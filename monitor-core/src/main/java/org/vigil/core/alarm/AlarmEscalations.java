package org.vigil.core.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.EscalateAlarmCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.ChairOccupancy;

/**
 * Escalates an alarm nobody acknowledged in time to the charge nurse or provider (IHE PCD ACM secondary
 * notification; docs/DOMAIN.md, "Alarm behaviour": HIGH after 60 s, MEDIUM after 180 s by default).
 *
 * <p>The deadlines are persistent, not timers: each is derived from stored events only, the alarm's
 * {@code raisedAt} plus the protocol's delay for its priority, for as long as no acknowledgement, clear or
 * escalation is stored ({@link EscalationWatch}). The application calls {@link #escalateDue()} on a short fixed
 * delay (every second). After a restart the first call asks the {@link ChairOccupancy} which sessions run and
 * folds their streams, so a deadline that was pending before the restart fires at the same moment, or at once if
 * it passed while the application was down. An in-memory timer would be lost with the process, and with it the
 * notification.
 *
 * <p>It belongs to the subscribing processor {@value AlarmDecisions#PROCESSING_GROUP}, never replayed. Commands are
 * sent without holding any lock; the session ignores an escalation of an alarm acknowledged in the meantime.
 */
@ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
public class AlarmEscalations extends FoldingDecider<RunningSessions<EscalationWatch>> {

    private static final Logger log = LoggerFactory.getLogger(AlarmEscalations.class);

    private final CommandGateway commandGateway;
    private final ClinicProtocol protocol;
    private final Clock clock;

    public AlarmEscalations(CommandGateway commandGateway, EventStore eventStore, ChairOccupancy occupancy,
                            ClinicProtocol protocol, Clock clock) {
        super(new RunningSessions<>(Objects.requireNonNull(eventStore, "event store"),
                Objects.requireNonNull(occupancy, "chair occupancy"),
                EscalationWatch::started));
        this.commandGateway = Objects.requireNonNull(commandGateway, "command gateway");
        this.protocol = Objects.requireNonNull(protocol, "clinic protocol");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Escalates every alarm whose deadline has come.
     *
     * @return how many alarms were escalated now
     */
    public int escalateDue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Map.Entry<SessionId, EscalationWatch> session : sessions.states().entrySet()) {
            EscalationWatch watch = session.getValue();
            for (AlarmId alarm : watch.due(now, protocol.escalation())) {
                escalated += escalate(session.getKey(), watch, alarm, now) ? 1 : 0;
            }
        }
        return escalated;
    }

    private boolean escalate(SessionId session, EscalationWatch watch, AlarmId alarm, Instant now) {
        try {
            Boolean done = commandGateway.sendAndWait(new EscalateAlarmCommand(session, alarm,
                    protocol.escalation().recipient(), now));
            if (!Boolean.TRUE.equals(done)) {
                watch.forget(alarm);
            }
            return Boolean.TRUE.equals(done);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            log.warn("session {} refused to escalate alarm {}: {}", session, alarm, refused.getMessage());
            watch.forget(alarm);
            return false;
        } catch (RuntimeException e) {
            log.warn("cannot escalate alarm {} of session {} now, trying again: {}", alarm, session, e.getMessage());
            return false;
        }
    }

    @EventHandler
    void on(SessionStartedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(AlarmAcknowledgedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(AlarmEscalatedEvent event, @SequenceNumber Long sequence) {
        sessions.fold(event.sessionId(), event, sequence);
    }
}
