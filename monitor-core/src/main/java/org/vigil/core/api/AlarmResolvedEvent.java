package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A named user resolved a technical alarm, and why; the alarm clears with it ({@link AlarmClearedEvent}). */
@Revision("1")
public record AlarmResolvedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, String rule, String user,
                                 String reason, Instant at) {
}
