package org.vigil.adapters.hl7;

import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.MllpFramer;

import java.util.Objects;

/**
 * Where the MLLP listener for HL7 gateways binds, and how long a frame may be.
 *
 * @param host          the address to bind; {@code 0.0.0.0} for every interface (gateways are on the network)
 * @param port          the TCP port, {@value Mllp#DEFAULT_PORT} by default (docs/DESIGN.md, external interface);
 *                      {@code 0} for any free port
 * @param maxFrameBytes frames longer than this are dropped ({@link MllpFramer#DEFAULT_MAX_FRAME_BYTES} by default)
 */
public record Hl7ListenerSettings(String host, int port, int maxFrameBytes) {

    public static final String ALL_INTERFACES = "0.0.0.0";

    public Hl7ListenerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("max frame bytes must be positive: " + maxFrameBytes);
        }
    }

    /** Every interface, port 2575, 1 MiB frames. */
    public static Hl7ListenerSettings defaults() {
        return new Hl7ListenerSettings(ALL_INTERFACES, Mllp.DEFAULT_PORT, MllpFramer.DEFAULT_MAX_FRAME_BYTES);
    }

    /** The given address and port, 1 MiB frames. */
    public static Hl7ListenerSettings of(String host, int port) {
        return new Hl7ListenerSettings(host, port, MllpFramer.DEFAULT_MAX_FRAME_BYTES);
    }
}
