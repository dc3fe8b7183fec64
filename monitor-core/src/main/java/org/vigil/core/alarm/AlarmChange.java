package org.vigil.core.alarm;

import java.time.Instant;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmId;

/** A change of a rule's decision that must be recorded: the projection turns each into one command. */
sealed interface AlarmChange {

    /**
     * The rule's condition began (or changed priority): raise an alarm for it.
     *
     * @param conditionStartedAt when the condition began, when it waited out a delay; {@code null} when the
     *                           condition began with the message that raises it
     */
    record Raise(String rule, Condition condition, Instant conditionStartedAt) implements AlarmChange {

        Raise(String rule, Condition condition) {
            this(rule, condition, null);
        }
    }

    /** The condition of this active alarm no longer holds. */
    record EndCondition(AlarmId alarmId) implements AlarmChange {
    }
}
