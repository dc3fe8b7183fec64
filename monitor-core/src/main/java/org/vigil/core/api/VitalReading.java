package org.vigil.core.api;

import java.time.Instant;

/**
 * The latest value of one vital on a chair or device.
 *
 * @param value      {@code null} when the device reported the value as not available
 * @param deviceTime the device's timestamp for the value
 * @param receivedAt Vigil's clock when the message arrived
 */
public record VitalReading(Vital vital, Double value, String unit, DeviceId deviceId, Instant deviceTime,
                           Instant receivedAt) {
}
