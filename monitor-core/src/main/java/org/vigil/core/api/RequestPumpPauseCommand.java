package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The pump interlock's decision to pause a session's infusing pump because of a HIGH alarm. */
public record RequestPumpPauseCommand(@TargetAggregateIdentifier SessionId sessionId, DeviceId deviceId,
                                      AlarmId alarmId, String rule, Instant at) {
}
