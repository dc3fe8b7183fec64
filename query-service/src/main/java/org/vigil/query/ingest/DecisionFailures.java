package org.vigil.query.ingest;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.AlarmDecisionFailedException;
import org.vigil.core.alarm.DecisionFailureAlarm;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.SessionId;
import org.vigil.query.live.StationCondition;
import org.vigil.query.live.StationConditions;

/**
 * Tells the nurse when a device message could not be decided on ({@link AlarmDecisionFailedException}); the device
 * was answered {@code AE} and resends. The session the message belongs to gets the technical alarm
 * {@value DecisionFailureAlarm#RULE}, raised in a unit of work of its own, which runs no rule and so cannot fail the
 * same way again; its condition ends when a message of that session is decided on and stored again. A failure with
 * no session to raise it on, or whose raise fails too, is shown on the station as the live-only condition
 * {@value #CONDITION} until the device's next message is stored — never retried, so nothing can loop.
 *
 * <p>The raised alarms are remembered in memory: after a restart an active one stays until a nurse resolves it.
 */
@Component
public class DecisionFailures {

    static final String CONDITION = "alarm-decisions-failed";

    private static final Logger log = LoggerFactory.getLogger(DecisionFailures.class);

    private final DecisionFailureAlarm alarm;
    private final StationConditions conditions;
    private final Clock clock;
    private final Map<SessionId, AlarmId> raised = new ConcurrentHashMap<>();
    private final Set<DeviceId> shownOnStation = ConcurrentHashMap.newKeySet();

    DecisionFailures(CommandGateway commands, StationConditions conditions, Clock clock) {
        this.alarm = new DecisionFailureAlarm(commands, clock);
        this.conditions = conditions;
        this.clock = clock;
    }

    /** The failure that made a record command fail, if deciding alarms was what failed. */
    static Optional<AlarmDecisionFailedException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof AlarmDecisionFailedException decision) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    /** A message of {@code device}, routed to {@code session} when one runs at its chair, could not be decided. */
    void failed(DeviceId device, Optional<SessionId> routed, AlarmDecisionFailedException failure) {
        Optional<SessionId> session = failure.session().or(() -> routed);
        if (session.isPresent()) {
            try {
                raised.computeIfAbsent(session.get(), s -> {
                    log.error("Alarm decisions failed on a message of {}; refused, technical alarm raised on "
                            + "session {}", device, s, failure);
                    return alarm.raise(s, failure);
                });
                return;
            } catch (RuntimeException e) {
                log.error("Cannot raise the technical alarm for failed alarm decisions on session {}",
                        session.get(), e);
            }
        } else {
            log.error("Alarm decisions failed on a message of {}; refused", device, failure);
        }
        shownOnStation.add(device);
        conditions.raise(new StationCondition(CONDITION, "MEDIUM", "Alarm decisions failed",
                "A message from " + device + " could not be decided on and was refused (" + failure.getMessage()
                        + "). Watch the patients directly; the engineer finds the cause in Vigil's log.",
                clock.instant(), true));
    }

    /** A message of {@code device} was decided on and stored, in {@code session} when one runs at its chair. */
    void decided(DeviceId device, Optional<SessionId> session) {
        session.map(raised::remove).ifPresent(id -> {
            try {
                alarm.end(session.get(), id);
            } catch (RuntimeException e) {
                log.warn("Cannot end the technical alarm for failed alarm decisions on session {}", session.get(),
                        e);
            }
        });
        if (shownOnStation.remove(device) && shownOnStation.isEmpty()) {
            conditions.clear(CONDITION);
        }
    }
}
