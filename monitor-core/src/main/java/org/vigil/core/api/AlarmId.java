package org.vigil.core.api;

import java.util.Objects;
import java.util.UUID;

/** Identifies one alarm from its raise to its end. */
public record AlarmId(String value) {
    public AlarmId {
        Objects.requireNonNull(value, "alarm id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("alarm id must not be blank");
        }
    }

    public static AlarmId random() {
        return new AlarmId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
