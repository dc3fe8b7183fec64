package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The transport connected to the device. Being connected does not yet mean the device sends usable data: only
 * a {@link DeviceRecoveredEvent} says that after an outage.
 *
 * @param chairId   the chair the device is configured for, {@code null} when no one configured it
 * @param transport how the device is reached, for example {@code serial /dev/ttyUSB0} or {@code tcp 10.0.0.5:4001}
 */
@Revision("1")
public record DeviceConnectedEvent(DeviceId deviceId, ChairId chairId, String transport, Instant at) {
}
