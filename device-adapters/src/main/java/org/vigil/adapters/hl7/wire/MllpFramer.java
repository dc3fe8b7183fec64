package org.vigil.adapters.hl7.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an MLLP byte stream into frames, whatever the chunks it arrives in.
 *
 * <p>Bytes outside a frame are skipped and reported. A frame longer than the bound is dropped as soon as
 * it passes the bound, and the framer waits for the next start block: the buffer never holds more than
 * the bound. A start block inside an unterminated frame means the sender gave up on that frame and started
 * again (it reconnected or resent); the unfinished frame is reported as truncated and the new one kept.
 * The end block alone ends a frame; the carriage return after it is expected and swallowed, but a sender
 * that omits it loses nothing (HL7 v2 Transport Specification, MLLP release 2; docs/PROTOCOLS.md §1).
 *
 * <p>Not thread-safe: one framer per byte stream.
 */
public final class MllpFramer {

    /** Default bound on a frame: 1 MiB, far above any PCD-01 message a gateway sends. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

    private static final int HEAD_BYTES = 1024;
    private static final int INITIAL_CAPACITY = 4096;
    private static final int RETAINED_CAPACITY = 64 * 1024;

    private enum State { OUTSIDE, IN_FRAME, AFTER_END_BLOCK, DISCARDING }

    private final int maxFrameBytes;
    private State state = State.OUTSIDE;
    private byte[] buffer;
    private int length;
    private int skippedRun;

    private long bytesSkipped;
    private long framesCompleted;
    private long framesOversized;
    private long framesTruncated;

    public MllpFramer() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    public MllpFramer(int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("max frame bytes must be positive: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxFrameBytes)];
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Feeds the next bytes of the stream; returns what they completed, in stream order. */
    public List<MllpEvent> push(byte[] chunk) {
        return push(chunk, 0, chunk.length);
    }

    /** Feeds {@code count} bytes of {@code chunk} from {@code offset}; returns what they completed. */
    public List<MllpEvent> push(byte[] chunk, int offset, int count) {
        List<MllpEvent> events = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            accept(chunk[i], events);
        }
        flushSkipped(events);
        return events;
    }

    private void accept(byte b, List<MllpEvent> events) {
        switch (state) {
            case OUTSIDE -> outside(b, events);
            case IN_FRAME -> inFrame(b, events);
            case AFTER_END_BLOCK -> {
                if (b == Mllp.CARRIAGE_RETURN) {
                    state = State.OUTSIDE;
                } else {
                    outside(b, events);
                }
            }
            case DISCARDING -> {
                if (b == Mllp.START_BLOCK) {
                    startFrame(events);
                }
            }
        }
    }

    private void outside(byte b, List<MllpEvent> events) {
        if (b == Mllp.START_BLOCK) {
            startFrame(events);
        } else {
            state = State.OUTSIDE;
            skippedRun++;
            bytesSkipped++;
        }
    }

    private void inFrame(byte b, List<MllpEvent> events) {
        if (b == Mllp.START_BLOCK) {
            framesTruncated++;
            events.add(new MllpEvent.Truncated(length));
            startFrame(events);
        } else if (b == Mllp.END_BLOCK) {
            framesCompleted++;
            events.add(new MllpEvent.Frame(Arrays.copyOf(buffer, length)));
            releaseLargeBuffer();
            state = State.AFTER_END_BLOCK;
        } else if (length == maxFrameBytes) {
            framesOversized++;
            events.add(new MllpEvent.Oversized(maxFrameBytes, Arrays.copyOf(buffer, Math.min(length, HEAD_BYTES))));
            releaseLargeBuffer();
            state = State.DISCARDING;
        } else {
            append(b);
        }
    }

    private void startFrame(List<MllpEvent> events) {
        flushSkipped(events);
        length = 0;
        state = State.IN_FRAME;
    }

    private void append(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxFrameBytes));
        }
        buffer[length++] = b;
    }

    private void releaseLargeBuffer() {
        length = 0;
        if (buffer.length > RETAINED_CAPACITY) {
            buffer = new byte[INITIAL_CAPACITY];
        }
    }

    private void flushSkipped(List<MllpEvent> events) {
        if (skippedRun > 0) {
            events.add(new MllpEvent.Skipped(skippedRun));
            skippedRun = 0;
        }
    }

    /** Bytes thrown away outside any frame since this framer was made. */
    public long bytesSkipped() {
        return bytesSkipped;
    }

    public long framesCompleted() {
        return framesCompleted;
    }

    public long framesOversized() {
        return framesOversized;
    }

    public long framesTruncated() {
        return framesTruncated;
    }
}
