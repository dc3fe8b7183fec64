package org.vigil.core.alarm;

import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmId;

/** A change of a rule's decision that must be recorded: the projection turns each into one command. */
sealed interface AlarmChange {

    /** The rule's condition began (or changed priority): raise an alarm for it. */
    record Raise(String rule, Condition condition) implements AlarmChange {
    }

    /** The condition of this active alarm no longer holds. */
    record EndCondition(AlarmId alarmId) implements AlarmChange {
    }
}
