package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An alarm decision handler's decision that a rule's condition holds: raise an alarm.
 *
 * @param rule               the rule's stable name, for example {@code severe-hypertension}
 * @param value              the value that met the condition, if any
 * @param conditionStartedAt when the condition began (before the raise when the rule has a delay)
 */
public record RaiseAlarmCommand(@TargetAggregateIdentifier SessionId sessionId, AlarmId alarmId, String rule,
                                AlarmPriority priority, AlarmKind kind, String message, Double value,
                                Instant conditionStartedAt, Instant raisedAt) {
}
