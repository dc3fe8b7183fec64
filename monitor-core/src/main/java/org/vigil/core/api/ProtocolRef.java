package org.vigil.core.api;

import java.util.Objects;

/** Which clinic protocol (thresholds, delays, cadences) a session ran under: its name and version. */
public record ProtocolRef(String name, String version) {
    public ProtocolRef {
        Objects.requireNonNull(name, "protocol name");
        Objects.requireNonNull(version, "protocol version");
    }
}
