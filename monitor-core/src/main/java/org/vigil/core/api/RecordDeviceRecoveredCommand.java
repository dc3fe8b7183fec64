package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A usable message arrived from the device again after it went silent or was disconnected.
 *
 * @param chairId the chair the device is configured for, {@code null} when no one configured it
 * @param at      when the usable message arrived, by Vigil's clock
 */
public record RecordDeviceRecoveredCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId,
                                           Instant at) {
}
