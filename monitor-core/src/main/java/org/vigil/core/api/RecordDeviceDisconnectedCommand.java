package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The transport lost or could not open its connection to the device. From now on the device sends nothing usable
 * until a {@link RecordDeviceRecoveredCommand}.
 *
 * @param chairId the chair the device is configured for, {@code null} when no one configured it
 * @param reason  what the transport saw, for example {@code connection refused} or {@code end of stream}
 */
public record RecordDeviceDisconnectedCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId,
                                              String reason, Instant at) {
}
