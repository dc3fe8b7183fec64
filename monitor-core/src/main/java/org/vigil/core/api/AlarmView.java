package org.vigil.core.api;

import java.time.Instant;

/**
 * An alarm as a nurse sees it.
 *
 * @param conditionEnded true when the value is back in range but the alarm latched until acknowledged
 * @param acknowledgedBy who acknowledged it, {@code null} while nobody has
 */
public record AlarmView(AlarmId alarmId, SessionId sessionId, ChairId chairId, String rule, AlarmPriority priority,
                        AlarmKind kind, String message, Double value, Instant conditionStartedAt, Instant raisedAt,
                        boolean conditionEnded, String acknowledgedBy, Instant acknowledgedAt, Instant clearedAt) {

    public boolean active() {
        return clearedAt == null;
    }
}
