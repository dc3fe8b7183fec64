package org.vigil.core.api;

import java.time.Instant;

/** An alarm is no longer active: its condition ended (and, if it latched, it was acknowledged). */
public record AlarmClearedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, Instant at) {
}
