package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The pump reported itself paused or stopped after the interlock's pause. */
public record ConfirmPumpPauseCommand(@TargetAggregateIdentifier SessionId sessionId, DeviceId deviceId,
                                      PumpStatus status, Instant deviceTime, Instant at) {
}
