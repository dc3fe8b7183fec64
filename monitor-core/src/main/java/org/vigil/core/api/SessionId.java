package org.vigil.core.api;

import java.util.Objects;
import java.util.UUID;

/** Identifies one treatment session: one patient, one chair, one visit. */
public record SessionId(String value) {
    public SessionId {
        Objects.requireNonNull(value, "session id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("session id must not be blank");
        }
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
