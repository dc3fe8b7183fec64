package org.vigil.core.api;

import java.time.Instant;

/** An alarm became active on a chair. */
public record AlarmRaisedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, String rule,
                               AlarmPriority priority, AlarmKind kind, String message, Double value,
                               Instant conditionStartedAt, Instant raisedAt) {
}
