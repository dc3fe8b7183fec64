package org.vigil.core.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * Decides the alarms on a session's vital signs (docs/DESIGN.md, principle 1): it applies every rule of
 * {@link AlarmRules} and {@link TechnicalAlarmRules} to each recorded message of a session and records each change of
 * decision as a command to the session, whose events are the stored decisions. A rule's condition must last the
 * rule's delay from the clinic protocol before its alarm is raised
 * ({@link SessionAlarms#changesFor(String, RuleDecision, Instant, java.util.function.Function)}); time is the
 * message's receive time, so a 1 Hz signal needs no timer.
 *
 * <p>It must run in a subscribing processor: in the publishing thread, right when the observation is recorded,
 * and never on a replay, which must read the stored decisions rather than decide again. For the same reason it
 * keeps no state across restarts: the first time it meets a session it rebuilds what it needs from that session's
 * own events, folding the start and the alarm events only, so history is never decided twice ({@link SessionFolds}).
 *
 * <p>A rule that throws fails the unit of work of the observation ({@link AlarmDecisionErrors}): nothing of it is
 * stored, and the session's folded state is dropped with it, to be folded again from the store.
 */
@ProcessingGroup(AlarmDecisions.PROCESSING_GROUP)
public class VitalSignAlarms extends FoldingDecider<SessionFolds<SessionAlarms>> {

    private static final Logger log = LoggerFactory.getLogger(VitalSignAlarms.class);

    /** The physiological rules and the technical rules about one message, each applied to every message. */
    private static final List<AlarmRule> RULES = Stream.concat(AlarmRules.ALL.stream(),
            TechnicalAlarmRules.ALL.stream()).toList();

    private final AlarmCommands commands;
    private final ClinicProtocol protocol;
    private final List<AlarmRule> rules;

    public VitalSignAlarms(CommandGateway commandGateway, EventStore eventStore, ClinicProtocol protocol,
                           Clock clock) {
        this(commandGateway, eventStore, protocol, clock, RULES);
    }

    /** With another rule set than the clinic's, e.g. one with a rule that fails. */
    VitalSignAlarms(CommandGateway commandGateway, EventStore eventStore, ClinicProtocol protocol, Clock clock,
                    List<AlarmRule> rules) {
        super(new SessionFolds<>(Objects.requireNonNull(eventStore, "event store"), SessionAlarms::started));
        this.rules = List.copyOf(rules);
        this.commands = new AlarmCommands(commandGateway, clock);
        this.protocol = Objects.requireNonNull(protocol, "clinic protocol");
    }

    @EventHandler
    void on(SessionStartedEvent event, @SequenceNumber Long sequence) {
        if (!protocol.ref().equals(event.protocol())) {
            log.warn("session {} started under protocol {}, alarms are decided with {}", event.sessionId(),
                    event.protocol(), protocol.ref());
        }
        sessions.fold(event.sessionId(), event, sequence);
    }

    @EventHandler
    void on(ObservationsRecordedEvent event) {
        if (event.sessionId() == null) {
            return;
        }
        SessionAlarms session = sessions.current(event.sessionId());
        if (session == null) {
            return;
        }
        Readings readings = Readings.of(event.observations());
        Instant at = event.receivedAt();
        for (AlarmRule rule : rules) {
            RuleDecision decision = rule.evaluate(readings, session.patient(), protocol.alarms());
            for (AlarmChange change : session.changesFor(rule.name(), decision, at,
                    priority -> rule.delayFor(priority, protocol.delays()))) {
                commands.record(event.sessionId(), change, at);
            }
        }
    }
}
