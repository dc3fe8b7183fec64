package org.vigil.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one treatment session: one patient, one chair, one visit. */
public record SessionId(@JsonValue String value) {
    public SessionId {
        Objects.requireNonNull(value, "session id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("session id must not be blank");
        }
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID().toString());
    }

    /** Ids travel as plain strings in the API and in stored events. */
    @JsonCreator
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
