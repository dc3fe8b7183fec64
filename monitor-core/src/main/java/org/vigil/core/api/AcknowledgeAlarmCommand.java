package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A named user acknowledges an alarm, which silences this condition. */
public record AcknowledgeAlarmCommand(@TargetAggregateIdentifier SessionId sessionId, AlarmId alarmId, String user,
                                      Instant at) {
}
