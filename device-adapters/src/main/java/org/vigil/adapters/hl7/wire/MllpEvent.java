package org.vigil.adapters.hl7.wire;

import java.util.Arrays;

/**
 * What the {@link MllpFramer} found in the bytes it was given: a complete frame or a counted failure.
 * Failures are values, never exceptions, so a bad stretch of bytes never ends a connection (docs/PROTOCOLS.md,
 * "Rules for every codec").
 */
public sealed interface MllpEvent {

    /** A complete message between {@code <VT>} and {@code <FS>}, without the framing bytes. */
    record Frame(byte[] payload) implements MllpEvent {
        public Frame {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Frame frame && Arrays.equals(payload, frame.payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Frame[" + payload.length + " bytes]";
        }
    }

    /** Bytes that arrived outside any frame and were thrown away. */
    record Skipped(int bytes) implements MllpEvent {
    }

    /**
     * A frame grew past the bound and is being dropped; the framer discards bytes until the next
     * {@code <VT>}. {@code head} is the start of the dropped frame, so a receiver can still read its header
     * and reject it by control id.
     */
    record Oversized(int limit, byte[] head) implements MllpEvent {
        public Oversized {
            head = head.clone();
        }

        @Override
        public byte[] head() {
            return head.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Oversized oversized && limit == oversized.limit
                    && Arrays.equals(head, oversized.head);
        }

        @Override
        public int hashCode() {
            return 31 * limit + Arrays.hashCode(head);
        }

        @Override
        public String toString() {
            return "Oversized[limit=" + limit + "]";
        }
    }

    /** A frame that never ended: a new {@code <VT>} arrived first. Its bytes were dropped. */
    record Truncated(int bytes) implements MllpEvent {
    }
}
