package org.vigil.core.api;

import java.time.Instant;

/**
 * How a device's link stands, as an engineer needs it: connected or not, offline (no usable data), why, and
 * the counters of its connection when Vigil holds one.
 *
 * @param state          {@code CONNECTED}, {@code DISCONNECTED} or {@code UNKNOWN} (nothing heard about the link)
 * @param offline        true while the device is disconnected or silent
 * @param detail         the transport, or the reason of the last disconnection or silence
 * @param decodeFailures frames from the device that could not be decoded, on a connection Vigil holds; {@code null}
 *                       for devices behind the MLLP listener, whose undecodable messages cannot be told apart by
 *                       device (the listener counts them: {@code vigil.mllp.failures})
 * @param framesOk       frames decoded, on a connection Vigil holds ({@code null} for gateway devices)
 */
public record DeviceLinkView(String state, boolean offline, String detail, Instant changedAt, Long decodeFailures,
                             Long framesOk, Long reconnects) {

    public static DeviceLinkView unknown() {
        return uncounted("UNKNOWN", false, null, null);
    }

    /** A link without the counters of a connection Vigil holds: as stored, or of a device behind a gateway. */
    public static DeviceLinkView uncounted(String state, boolean offline, String detail, Instant changedAt) {
        return new DeviceLinkView(state, offline, detail, changedAt, null, null, null);
    }

    /** This link with the counters of the connection Vigil holds to the device. */
    public DeviceLinkView counted(Long decodeFailures, Long framesOk, Long reconnects) {
        return new DeviceLinkView(state, offline, detail, changedAt, decodeFailures, framesOk, reconnects);
    }
}
