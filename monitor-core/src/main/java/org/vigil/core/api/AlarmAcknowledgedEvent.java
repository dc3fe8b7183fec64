package org.vigil.core.api;

import java.time.Instant;

/** A named user acknowledged an alarm. */
public record AlarmAcknowledgedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, String user,
                                     Instant at) {
}
