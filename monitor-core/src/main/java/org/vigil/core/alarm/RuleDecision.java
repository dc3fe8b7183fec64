package org.vigil.core.alarm;

import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;

/**
 * What a rule says about one message. {@link NotApplicable} is kept apart from {@link Normal}: a message without
 * the vital a rule needs (an SpO2 sample while a BP alarm is active) says nothing about that alarm and must not
 * clear it.
 */
sealed interface RuleDecision {

    RuleDecision NOT_APPLICABLE = new NotApplicable();
    RuleDecision NORMAL = new Normal();

    /** The message does not carry, or carries as not available, the value the rule needs. */
    record NotApplicable() implements RuleDecision {
    }

    /** The rule's values are within limits. */
    record Normal() implements RuleDecision {
    }

    /**
     * The rule's condition holds.
     *
     * @param message what a nurse reads, for example {@code SBP 186 mmHg > 180}
     * @param value   the value that met the condition
     */
    record Condition(AlarmPriority priority, AlarmKind kind, String message, Double value) implements RuleDecision {
    }
}
