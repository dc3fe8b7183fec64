package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The pump did not show the interlock's pause in time, or the pause could not be sent. */
public record FailPumpPauseCommand(@TargetAggregateIdentifier SessionId sessionId, DeviceId deviceId, String reason,
                                   Instant at) {
}
