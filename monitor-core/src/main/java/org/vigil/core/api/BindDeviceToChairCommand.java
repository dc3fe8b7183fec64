package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An engineer binds a device that sends but is configured for no chair to a chair: recorded as the engineer's
 * decision. Configuration stays the source of truth for which device feeds which chair (docs/DESIGN.md,
 * "Interfaces": devices page); the binding takes effect once the configuration carries it.
 */
public record BindDeviceToChairCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId, String user,
                                       Instant at) {
}
