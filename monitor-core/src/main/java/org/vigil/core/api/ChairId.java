package org.vigil.core.api;

import java.util.Objects;

/** A treatment chair in the clinic, as named in the device configuration (for example {@code chair-3}). */
public record ChairId(String value) {
    public ChairId {
        Objects.requireNonNull(value, "chair id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("chair id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
