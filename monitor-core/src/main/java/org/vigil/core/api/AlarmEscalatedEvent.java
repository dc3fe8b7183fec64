package org.vigil.core.api;

import java.time.Instant;

/** An alarm nobody acknowledged in time was escalated to {@code to} (IHE PCD ACM secondary notification). */
public record AlarmEscalatedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, AlarmPriority priority,
                                  String to, Instant at) {
}
