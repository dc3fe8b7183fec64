package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The transport lost (or could not open) its connection to the device: the device is offline until it sends
 * usable data again.
 *
 * @param chairId the chair the device is configured for, {@code null} when no one configured it
 */
@Revision("1")
public record DeviceDisconnectedEvent(DeviceId deviceId, ChairId chairId, String reason, Instant at) {
}
