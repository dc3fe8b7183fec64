package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A latched alarm's condition ended; the alarm stays active until someone acknowledges it. */
@Revision("1")
public record AlarmConditionEndedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, Instant at) {
}
