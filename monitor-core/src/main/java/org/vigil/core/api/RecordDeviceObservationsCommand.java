package org.vigil.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one message of a device that has no session: not configured for any chair, or its chair has no
 * session running. The values are kept on the device, never dropped.
 */
public record RecordDeviceObservationsCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId,
                                              DeviceObservations observations) {
}
