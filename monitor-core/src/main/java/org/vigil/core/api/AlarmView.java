package org.vigil.core.api;

import java.time.Instant;

/**
 * An alarm as a nurse sees it.
 *
 * @param conditionEnded true when the value is back in range but the alarm latched until acknowledged
 * @param acknowledgedBy who acknowledged it, {@code null} while nobody has
 * @param escalatedAt    when nobody had acknowledged it in time and it went to {@code escalatedTo}, else {@code null}
 */
public record AlarmView(AlarmId alarmId, SessionId sessionId, ChairId chairId, String rule, AlarmPriority priority,
                        AlarmKind kind, String message, Double value, Instant conditionStartedAt, Instant raisedAt,
                        boolean conditionEnded, String acknowledgedBy, Instant acknowledgedAt, Instant clearedAt,
                        Instant escalatedAt, String escalatedTo) {

    /** The alarm as it is the moment it was raised: its condition lasts, nobody acknowledged it yet. */
    public static AlarmView raised(AlarmRaisedEvent event) {
        return new AlarmView(event.alarmId(), event.sessionId(), event.chairId(), event.rule(), event.priority(),
                event.kind(), event.message(), event.value(), event.conditionStartedAt(), event.raisedAt(), false,
                null, null, null, null, null);
    }

    public boolean active() {
        return clearedAt == null;
    }

    /** This alarm after its condition ended, latched until acknowledged. */
    public AlarmView afterConditionEnded() {
        return new AlarmView(alarmId, sessionId, chairId, rule, priority, kind, message, value, conditionStartedAt,
                raisedAt, true, acknowledgedBy, acknowledgedAt, clearedAt, escalatedAt, escalatedTo);
    }

    /** This alarm after {@code user} acknowledged it at {@code at}. */
    public AlarmView acknowledged(String user, Instant at) {
        return new AlarmView(alarmId, sessionId, chairId, rule, priority, kind, message, value, conditionStartedAt,
                raisedAt, conditionEnded, user, at, clearedAt, escalatedAt, escalatedTo);
    }

    /** This alarm after it was cleared at {@code at}. */
    public AlarmView cleared(Instant at) {
        return new AlarmView(alarmId, sessionId, chairId, rule, priority, kind, message, value, conditionStartedAt,
                raisedAt, conditionEnded, acknowledgedBy, acknowledgedAt, at, escalatedAt, escalatedTo);
    }

    /** This alarm after it was escalated to {@code to} at {@code at}. */
    public AlarmView escalated(Instant at, String to) {
        return new AlarmView(alarmId, sessionId, chairId, rule, priority, kind, message, value, conditionStartedAt,
                raisedAt, conditionEnded, acknowledgedBy, acknowledgedAt, clearedAt, at, to);
    }
}
