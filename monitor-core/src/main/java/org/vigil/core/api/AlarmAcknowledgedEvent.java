package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A named user acknowledged an alarm. */
@Revision("1")
public record AlarmAcknowledgedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, String user,
                                     Instant at) {
}
