package org.vigil.query.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * What an event's hash covers: every column of its row in {@code domain_event_entry}, as stored. Its hash is
 * SHA-256 over the previous event's hash in the same aggregate (32 zero bytes for an aggregate's first hashed event)
 * followed by these fields, each preceded by its length, so that no two different events give the same input.
 */
public record ChainedEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                    String type, Instant timestamp, String payloadType, String payloadRevision, byte[] payload,
                    byte[] metaData) {

    /** The previous hash of an aggregate's first hashed event. */
    public static final byte[] NO_PREVIOUS = new byte[32];

    /** SHA-256 over {@code previous} and this event's fields. */
    public byte[] hash(byte[] previous) {
        MessageDigest digest = sha256();
        digest.update(previous);
        update(digest, longBytes(globalIndex));
        update(digest, text(eventIdentifier));
        update(digest, text(aggregateIdentifier));
        update(digest, longBytes(sequenceNumber));
        update(digest, text(type));
        update(digest, timestamp == null ? null
                : text(timestamp.getEpochSecond() + "." + timestamp.getNano()));
        update(digest, text(payloadType));
        update(digest, text(payloadRevision));
        update(digest, payload);
        update(digest, metaData);
        return digest.digest();
    }

    private static void update(MessageDigest digest, byte[] field) {
        if (field == null) {
            digest.update(longBytes(-1));
            return;
        }
        digest.update(longBytes(field.length));
        digest.update(field);
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
