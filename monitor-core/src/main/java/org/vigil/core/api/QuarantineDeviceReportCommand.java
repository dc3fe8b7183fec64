package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Keeps a device message out of the record: its sender is not configured, or talks from an address its device
 * entry does not allow ({@link DeviceReportQuarantinedEvent} has the fields).
 *
 * @param quarantineId the stream of this one quarantined message, {@code quarantine-<uuid>}
 */
public record QuarantineDeviceReportCommand(@TargetAggregateIdentifier String quarantineId, String sender,
                                            String deviceId, String sourceAddress, String controlId, String reason,
                                            boolean refused, Instant receivedAt) {
}
