package org.vigil.core.api;

import java.util.Objects;

/**
 * What makes a device message unique: its sender and the sender's control id (HL7 MSH-3 and MSH-10).
 * A gateway that got no acknowledgement resends with the same key; it is stored once.
 */
public record MessageKey(String sender, String controlId) {
    public MessageKey {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(controlId, "control id");
    }

    @Override
    public String toString() {
        return sender + "/" + controlId;
    }
}
