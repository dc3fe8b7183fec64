package org.vigil.core.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * The one place where alarms are decided (DESIGN.md, principle 1): it applies every rule of {@link AlarmRules} and
 * {@link TechnicalAlarmRules} to each recorded message of a session and records each change of decision as a
 * command to the session, whose events are the stored decisions. A rule's condition must last the rule's delay from
 * the clinic protocol before its alarm is raised ({@link SessionAlarms#changesFor(String, RuleDecision, Instant,
 * java.util.function.Function)}); time is the message's receive time, so a 1 Hz signal needs no timer.
 *
 * <p>It must run in a subscribing processor: in the publishing thread, right when the observation is recorded,
 * and never on a replay, which must read the stored decisions rather than decide again. For the same reason it
 * keeps no state across restarts: the first time it meets a session it rebuilds what it needs from that session's
 * own events, folding the start and the alarm events only, so history is never decided twice.
 */
@ProcessingGroup(AlarmProjection.PROCESSING_GROUP)
public class AlarmProjection {

    public static final String PROCESSING_GROUP = "alarm-decisions";

    private static final Logger log = LoggerFactory.getLogger(AlarmProjection.class);

    /** The physiological rules and the technical rules about one message, each applied to every message. */
    private static final List<AlarmRule> RULES = Stream.concat(AlarmRules.ALL.stream(),
            TechnicalAlarmRules.ALL.stream()).toList();

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final ClinicProtocol protocol;
    private final Clock clock;
    private final Map<SessionId, SessionAlarms> sessions = new ConcurrentHashMap<>();

    public AlarmProjection(CommandGateway commandGateway, EventStore eventStore, ClinicProtocol protocol,
                           Clock clock) {
        this.commandGateway = Objects.requireNonNull(commandGateway, "command gateway");
        this.eventStore = Objects.requireNonNull(eventStore, "event store");
        this.protocol = Objects.requireNonNull(protocol, "clinic protocol");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        if (!protocol.ref().equals(event.protocol())) {
            log.warn("session {} started under protocol {}, alarms are decided with {}", event.sessionId(),
                    event.protocol(), protocol.ref());
        }
        sessions.put(event.sessionId(), SessionAlarms.started(event));
    }

    @EventHandler
    void on(ObservationsRecordedEvent event) {
        if (event.sessionId() == null) {
            return;
        }
        SessionAlarms session = sessionOf(event.sessionId());
        if (session == null) {
            return;
        }
        Readings readings = Readings.of(event.observations());
        Instant at = event.receivedAt();
        for (AlarmRule rule : RULES) {
            RuleDecision decision = rule.evaluate(readings, session.patient(), protocol.alarms());
            for (AlarmChange change : session.changesFor(rule.name(), decision, at,
                    priority -> rule.delayFor(priority, protocol.delays()))) {
                record(event.sessionId(), change, at);
            }
        }
    }

    @EventHandler
    void on(AlarmRaisedEvent event) {
        SessionAlarms session = sessionOf(event.sessionId());
        if (session != null) {
            session.raised(event);
        }
    }

    @EventHandler
    void on(AlarmConditionEndedEvent event) {
        SessionAlarms session = sessionOf(event.sessionId());
        if (session != null) {
            session.conditionEnded(event);
        }
    }

    @EventHandler
    void on(AlarmClearedEvent event) {
        SessionAlarms session = sessionOf(event.sessionId());
        if (session != null) {
            session.cleared(event);
        }
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        sessions.remove(event.sessionId());
    }

    private void record(SessionId sessionId, AlarmChange change, Instant messageAt) {
        if (change instanceof Raise raise) {
            Instant conditionStartedAt = raise.conditionStartedAt() != null ? raise.conditionStartedAt() : messageAt;
            commandGateway.sendAndWait(new RaiseAlarmCommand(sessionId, AlarmId.random(), raise.rule(),
                    raise.condition().priority(), raise.condition().kind(), raise.condition().message(),
                    raise.condition().value(), conditionStartedAt, clock.instant()));
        } else if (change instanceof EndCondition end) {
            commandGateway.sendAndWait(new EndAlarmConditionCommand(sessionId, end.alarmId(), clock.instant()));
        }
    }

    private SessionAlarms sessionOf(SessionId sessionId) {
        SessionAlarms known = sessions.get(sessionId);
        if (known != null) {
            return known;
        }
        SessionAlarms rebuilt = rebuild(sessionId);
        return rebuilt == null ? null : sessions.computeIfAbsent(sessionId, id -> rebuilt);
    }

    /**
     * Folds the session's stream from its first event (not from a snapshot, which would hide the start).
     * Returns {@code null} for a session that has ended or whose start is not in the store.
     */
    private SessionAlarms rebuild(SessionId sessionId) {
        SessionAlarms session = null;
        DomainEventStream stream = eventStore.readEvents(sessionId.value(), 0L);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof SessionStartedEvent started) {
                session = SessionAlarms.started(started);
            } else if (session == null) {
                continue;
            } else if (payload instanceof AlarmRaisedEvent raised) {
                session.raised(raised);
            } else if (payload instanceof AlarmConditionEndedEvent ended) {
                session.conditionEnded(ended);
            } else if (payload instanceof AlarmClearedEvent cleared) {
                session.cleared(cleared);
            } else if (payload instanceof SessionEndedEvent) {
                return null;
            }
        }
        if (session != null) {
            log.info("alarm state of session {} rebuilt from its events", sessionId);
        }
        return session;
    }
}
