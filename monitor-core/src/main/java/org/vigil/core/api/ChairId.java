package org.vigil.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A treatment chair in the clinic, as named in the device configuration (for example {@code chair-3}). */
public record ChairId(@JsonValue String value) {
    public ChairId {
        Objects.requireNonNull(value, "chair id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("chair id must not be blank");
        }
    }

    /** Ids travel as plain strings in the API and in stored events. */
    @JsonCreator
    public static ChairId of(String value) {
        return new ChairId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
