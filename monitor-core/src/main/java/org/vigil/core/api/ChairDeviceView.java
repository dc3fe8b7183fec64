package org.vigil.core.api;

/**
 * A device at a chair as its tile shows it.
 *
 * @param state   {@code CONNECTED}, {@code DISCONNECTED} or {@code UNKNOWN}
 * @param offline true while it is disconnected or sends nothing usable
 */
public record ChairDeviceView(DeviceId deviceId, String state, boolean offline) {
}
