package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The transport opened its connection to the device: the serial port opened, the TCP connection to the terminal
 * server or device was established, or a gateway connected to the listener.
 *
 * @param chairId   the chair the device is configured for, {@code null} when no one configured it
 * @param transport how the device is reached, for example {@code serial /dev/ttyUSB0} or {@code tcp 10.0.0.5:4001}
 */
public record RecordDeviceConnectedCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId,
                                           String transport, Instant at) {
}
