package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The device sends usable data again after it went silent or was disconnected.
 *
 * @param chairId       the chair the device is configured for, {@code null} when no one configured it
 * @param offlineSince  when the outage began: the disconnection, or the last usable message before the silence
 * @param at            when the first usable message after the outage arrived
 */
@Revision("1")
public record DeviceRecoveredEvent(DeviceId deviceId, ChairId chairId, Instant offlineSince, Instant at) {
}
