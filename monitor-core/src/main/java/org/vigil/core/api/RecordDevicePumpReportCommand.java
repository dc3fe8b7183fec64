package org.vigil.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one message of a pump that has no session: configured for no chair, or no session runs at its chair.
 * The report is kept on the device, never dropped.
 *
 * @param chairId the chair the pump is configured for, {@code null} when no one configured it
 */
public record RecordDevicePumpReportCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId,
                                            PumpReport report) {
}
