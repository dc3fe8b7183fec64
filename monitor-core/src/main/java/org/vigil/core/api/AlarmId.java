package org.vigil.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one alarm from its raise to its end. */
public record AlarmId(@JsonValue String value) {
    public AlarmId {
        Objects.requireNonNull(value, "alarm id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("alarm id must not be blank");
        }
    }

    public static AlarmId random() {
        return new AlarmId(UUID.randomUUID().toString());
    }

    /** Ids travel as plain strings in the API and in stored events. */
    @JsonCreator
    public static AlarmId of(String value) {
        return new AlarmId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
