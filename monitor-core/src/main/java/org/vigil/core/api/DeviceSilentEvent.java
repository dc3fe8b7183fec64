package org.vigil.core.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The device sent nothing usable for the clinic protocol's silence time: it is offline until it sends usable
 * data again.
 *
 * @param chairId       the chair the device is configured for, {@code null} when no one configured it
 * @param lastMessageAt when the last usable message arrived, {@code null} when none arrived on this connection
 */
@Revision("1")
public record DeviceSilentEvent(DeviceId deviceId, ChairId chairId, Duration silentFor, Instant lastMessageAt,
                                Instant at) {
}
