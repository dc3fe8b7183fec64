package org.vigil.core.alarm;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.SessionId;

/**
 * The technical alarm "alarm decisions failed" ({@value #RULE}) on a session whose device message could not be
 * decided on ({@link AlarmDecisionFailedException}): the message was refused, so the chair is not watched by Vigil
 * until it is fixed, as when its device is offline — hence the same priority, MEDIUM.
 *
 * <p>It is raised in a unit of work of its own, after the failed one rolled back, and raising it cannot loop: the
 * alarm's event is folded by the decision handlers but decided on by no rule, so the rule that failed does not run
 * again; if the raise fails too it fails once, and the caller shows the failure another way. A resend that fails
 * again raises nothing new while the alarm is active (a session keeps one active alarm per rule and priority).
 */
public final class DecisionFailureAlarm {

    /** The stable name recorded as the alarm's rule; never rename it. */
    public static final String RULE = "alarm-decision-failed";

    private final CommandGateway commands;
    private final Clock clock;

    public DecisionFailureAlarm(CommandGateway commands, Clock clock) {
        this.commands = Objects.requireNonNull(commands, "command gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Raises the alarm on the session, unless it is active there already.
     *
     * @return the id the alarm is raised under (an active one keeps its own)
     */
    public AlarmId raise(SessionId session, AlarmDecisionFailedException failure) {
        AlarmId alarm = AlarmId.random();
        commands.sendAndWait(new RaiseAlarmCommand(session, alarm, RULE, DeviceOfflineRule.PRIORITY,
                AlarmKind.TECHNICAL, "Alarm decisions failed: device data refused — watch the patient directly ("
                        + describe(failure) + ")", null, clock.instant(), clock.instant()));
        return alarm;
    }

    /** Ends the alarm's condition: the session's messages are decided on again. */
    public void end(SessionId session, AlarmId alarm) {
        commands.sendAndWait(new EndAlarmConditionCommand(session, alarm, clock.instant()));
    }

    private static String describe(AlarmDecisionFailedException failure) {
        Throwable cause = Optional.ofNullable(failure.getCause()).orElse(failure);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
