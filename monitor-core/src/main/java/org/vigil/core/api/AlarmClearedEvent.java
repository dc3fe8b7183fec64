package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An alarm is no longer active: its condition ended (and, if it latched, it was acknowledged). */
@Revision("1")
public record AlarmClearedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, Instant at) {
}
