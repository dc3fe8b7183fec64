package org.vigil.core.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.SessionId;

/**
 * Records a change of an alarm decision as a command to the session, whose events are the stored decisions
 * (docs/DESIGN.md, principle 1): every decision handler sends the same two commands, and what it decided is known
 * again only when their events are folded back. Commands are sent and waited for in the caller's thread, so the
 * caller must hold no lock that the handlers of those events need.
 */
final class AlarmCommands {

    private final CommandGateway commandGateway;
    private final Clock clock;

    AlarmCommands(CommandGateway commandGateway, Clock clock) {
        this.commandGateway = Objects.requireNonNull(commandGateway, "command gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records the change now, by the clock. */
    void record(SessionId session, AlarmChange change, Instant conditionStartedAt) {
        record(session, change, conditionStartedAt, clock.instant());
    }

    /**
     * Records the change as decided at {@code decidedAt}.
     *
     * @param conditionStartedAt when the condition began, for a raise whose condition did not wait out a delay of
     *                           its own ({@link Raise#conditionStartedAt()} is {@code null}); unused to end one
     */
    void record(SessionId session, AlarmChange change, Instant conditionStartedAt, Instant decidedAt) {
        if (change instanceof Raise raise) {
            Condition condition = raise.condition();
            Instant startedAt = raise.conditionStartedAt() != null ? raise.conditionStartedAt() : conditionStartedAt;
            commandGateway.sendAndWait(new RaiseAlarmCommand(session, AlarmId.random(), raise.rule(),
                    condition.priority(), condition.kind(), condition.message(), condition.value(), startedAt,
                    decidedAt));
        } else if (change instanceof EndCondition end) {
            commandGateway.sendAndWait(new EndAlarmConditionCommand(session, end.alarmId(), decidedAt));
        }
    }
}
