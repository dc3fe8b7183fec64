package org.vigil.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A device as it names itself on the wire: the EUI-64 of OBX-18, the sending application of MSH-3,
 * or the name given to a serial device in the configuration.
 */
public record DeviceId(@JsonValue String value) {
    public DeviceId {
        Objects.requireNonNull(value, "device id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("device id must not be blank");
        }
    }

    /** Ids travel as plain strings in the API and in stored events. */
    @JsonCreator
    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
