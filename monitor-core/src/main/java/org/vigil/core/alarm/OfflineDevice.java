package org.vigil.core.alarm;

import java.time.Instant;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceSilentEvent;

/**
 * A device that sends nothing usable, and why, as a nurse reads it in the alarm.
 *
 * @param cause what happened, for example {@code no usable data for 10 s} or {@code disconnected (end of stream)}
 * @param since when the outage began: the last usable message before a silence, or the disconnection
 */
record OfflineDevice(DeviceId deviceId, String cause, Instant since) {

    static OfflineDevice silent(DeviceSilentEvent event) {
        Instant since = event.lastMessageAt() != null ? event.lastMessageAt() : event.at().minus(event.silentFor());
        return new OfflineDevice(event.deviceId(), "no usable data for " + event.silentFor().toSeconds() + " s",
                since);
    }

    static OfflineDevice disconnected(DeviceDisconnectedEvent event) {
        return new OfflineDevice(event.deviceId(), "disconnected (" + event.reason() + ")", event.at());
    }

    /** The same outage with a newer cause: a silent device that is then disconnected is still offline since then. */
    OfflineDevice because(OfflineDevice newer) {
        return new OfflineDevice(deviceId, newer.cause(), since);
    }

    String describe() {
        return "Device " + deviceId + " offline: " + cause;
    }
}
