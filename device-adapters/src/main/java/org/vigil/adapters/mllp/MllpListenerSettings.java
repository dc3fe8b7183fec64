package org.vigil.adapters.mllp;

import org.vigil.adapters.protocol.mllp.Mllp;
import org.vigil.adapters.protocol.mllp.MllpFramer;

import java.util.Objects;

/**
 * Where the MLLP listener for HL7 gateways binds, and how long a frame may be.
 *
 * @param host          the address to bind; {@code 0.0.0.0} for every interface (gateways are on the network)
 * @param port          the TCP port, {@value Mllp#DEFAULT_PORT} by default (docs/DESIGN.md, external interface);
 *                      {@code 0} for any free port
 * @param maxFrameBytes frames longer than this are dropped ({@link MllpFramer#DEFAULT_MAX_FRAME_BYTES} by default)
 */
public record MllpListenerSettings(String host, int port, int maxFrameBytes) {

    public static final String ALL_INTERFACES = "0.0.0.0";

    public MllpListenerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("max frame bytes must be positive: " + maxFrameBytes);
        }
    }

    /** Every interface, port 2575, 1 MiB frames. */
    public static MllpListenerSettings defaults() {
        return new MllpListenerSettings(ALL_INTERFACES, Mllp.DEFAULT_PORT, MllpFramer.DEFAULT_MAX_FRAME_BYTES);
    }

    /** The given address and port, 1 MiB frames. */
    public static MllpListenerSettings of(String host, int port) {
        return new MllpListenerSettings(host, port, MllpFramer.DEFAULT_MAX_FRAME_BYTES);
    }
}
