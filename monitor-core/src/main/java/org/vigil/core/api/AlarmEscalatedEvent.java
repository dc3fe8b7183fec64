package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An alarm nobody acknowledged in time was escalated to {@code to} (IHE PCD ACM secondary notification). */
@Revision("1")
public record AlarmEscalatedEvent(AlarmId alarmId, SessionId sessionId, ChairId chairId, AlarmPriority priority,
                                  String to, Instant at) {
}
