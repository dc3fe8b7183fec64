package org.vigil.core.api;

import java.time.Instant;
import java.util.List;

/**
 * A device Vigil has heard from (or expects, when configured), with its last values.
 *
 * @param chairId          the chair it is configured for, {@code null} when no one configured it
 * @param configured       whether the device appears in the configuration
 * @param messagesRecorded messages stored from this device
 * @param lastValues       the last value of every code the device reported
 * @param link             the state of its link
 */
public record DeviceView(DeviceId deviceId, ChairId chairId, boolean configured, long messagesRecorded,
                         Instant lastMessageAt, List<Observation> lastValues, DeviceLinkView link) {
}
