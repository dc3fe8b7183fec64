package org.vigil.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one alarm message (IHE PCD-04) of a device that has no session; it is kept on the device.
 *
 * @param chairId the chair the device is configured for, {@code null} when no one configured it
 */
public record RecordDeviceAlarmReportCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId,
                                             DeviceAlarmReport report) {
}
