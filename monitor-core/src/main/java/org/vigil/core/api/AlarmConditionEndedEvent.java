package org.vigil.core.api;

import java.time.Instant;

/** A latched alarm's condition ended; the alarm stays active until someone acknowledges it. */
public record AlarmConditionEndedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, Instant at) {
}
