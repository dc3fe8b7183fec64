package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An alarm became active on a chair. */
@Revision("1")
public record AlarmRaisedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, String rule,
                               AlarmPriority priority, AlarmKind kind, String message, Double value,
                               Instant conditionStartedAt, Instant raisedAt) {
}
