package org.vigil.adapters.intellivue.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Incremental deframer for the IntelliVue MIB/RS232 port: bytes arrive in chunks of any size, frames come out.
 *
 * <p>A frame is {@code 0xC0}, the escaped header ({@code 0x11 0x01} and a 16-bit big-endian payload length), the
 * escaped payload, the escaped FCS (low byte first) and {@code 0xC1}; inside it {@code 0xC0 0xC1 0x7D} travel as
 * {@code 0x7D} and the byte XOR {@code 0x20} (Philips Data Export Interface Programming Guide, "Transport Protocols
 * for the MIB/RS232 Interface": Framing, Header Information, Frame Check Sequence Field, Transparency, Frame
 * Abort). The buffer is bounded by the maximum payload; every bad frame is a counted {@link FrameFailure} and the
 * framer resynchronises on the next {@code 0xC0}. Not thread-safe: one instance per connection.
 */
final class MibFramer {

    /** Generous bound: the monitor splits large replies into linked messages well below it. */
    public static final int DEFAULT_MAX_PAYLOAD = 8192;

    static final int BOF = 0xC0;
    static final int EOF = 0xC1;
    static final int ESCAPE = 0x7D;
    static final int ESCAPE_XOR = 0x20;
    static final int PROTOCOL_ID = 0x11;
    static final int MESSAGE_TYPE = 0x01;
    static final int HEADER_LENGTH = 4;
    static final int FCS_LENGTH = 2;

    private enum State { HUNTING, IN_GARBAGE, IN_FRAME, DISCARDING }

    private final int maxPayload;
    private final byte[] buffer;
    private final Map<FrameFailure, Long> failures = new EnumMap<>(FrameFailure.class);
    private State state = State.HUNTING;
    private int length;
    private boolean escaped;
    private long frames;

    public MibFramer() {
        this(DEFAULT_MAX_PAYLOAD);
    }

    public MibFramer(int maxPayload) {
        if (maxPayload < 1 || maxPayload > 0xFFFF) {
            throw new IllegalArgumentException("max payload must be 1..65535, was " + maxPayload);
        }
        this.maxPayload = maxPayload;
        this.buffer = new byte[HEADER_LENGTH + maxPayload + FCS_LENGTH];
    }

    public List<MibFrameResult> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    public List<MibFrameResult> feed(byte[] bytes, int offset, int count) {
        List<MibFrameResult> out = new ArrayList<>(2);
        for (int i = offset; i < offset + count; i++) {
            accept(bytes[i] & 0xFF, out);
        }
        return out;
    }

    /** Frames delivered so far. */
    public long frameCount() {
        return frames;
    }

    /** Failures counted so far, by reason. */
    public Map<FrameFailure, Long> failureCounts() {
        return Collections.unmodifiableMap(new EnumMap<>(failures));
    }

    public long failureCount() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    private void accept(int b, List<MibFrameResult> out) {
        switch (state) {
            case HUNTING, IN_GARBAGE -> hunt(b, out);
            case DISCARDING -> discard(b);
            case IN_FRAME -> inFrame(b, out);
        }
    }

    private void hunt(int b, List<MibFrameResult> out) {
        if (b == BOF) {
            startFrame();
        } else if (state == State.HUNTING) {
            state = State.IN_GARBAGE;
            fail(FrameFailure.GARBAGE, out);
        }
    }

    private void discard(int b) {
        if (b == BOF) {
            startFrame();
        } else if (b == EOF) {
            state = State.HUNTING;
        }
    }

    private void inFrame(int b, List<MibFrameResult> out) {
        if (b == BOF) {
            fail(FrameFailure.TRUNCATED, out);
            startFrame();
        } else if (b == EOF) {
            state = State.HUNTING;
            if (escaped) {
                fail(FrameFailure.ESCAPE_AT_END, out);
            } else {
                complete(out);
            }
        } else if (b == ESCAPE && !escaped) {
            escaped = true;
        } else {
            store(escaped ? b ^ ESCAPE_XOR : b, out);
            escaped = false;
        }
    }

    private void store(int b, List<MibFrameResult> out) {
        if (length == buffer.length) {
            oversize(out);
            return;
        }
        buffer[length++] = (byte) b;
        if (length == HEADER_LENGTH && declaredLength() > maxPayload) {
            oversize(out);
        }
    }

    private void oversize(List<MibFrameResult> out) {
        fail(FrameFailure.OVERSIZE, out);
        state = State.DISCARDING;
    }

    private void complete(List<MibFrameResult> out) {
        if (length < HEADER_LENGTH + FCS_LENGTH) {
            fail(FrameFailure.TRUNCATED, out);
            return;
        }
        int dataLength = length - FCS_LENGTH;
        int received = (buffer[dataLength] & 0xFF) | (buffer[dataLength + 1] & 0xFF) << 8;
        if (received != Fcs16.of(buffer, 0, dataLength)) {
            fail(FrameFailure.BAD_FCS, out);
        } else if ((buffer[0] & 0xFF) != PROTOCOL_ID || (buffer[1] & 0xFF) != MESSAGE_TYPE) {
            fail(FrameFailure.BAD_HEADER, out);
        } else if (declaredLength() != dataLength - HEADER_LENGTH) {
            fail(FrameFailure.LENGTH_MISMATCH, out);
        } else {
            byte[] payload = new byte[dataLength - HEADER_LENGTH];
            System.arraycopy(buffer, HEADER_LENGTH, payload, 0, payload.length);
            frames++;
            out.add(new MibFrameResult.Frame(payload));
        }
    }

    private int declaredLength() {
        return (buffer[2] & 0xFF) << 8 | (buffer[3] & 0xFF);
    }

    private void startFrame() {
        state = State.IN_FRAME;
        length = 0;
        escaped = false;
    }

    private void fail(FrameFailure reason, List<MibFrameResult> out) {
        failures.merge(reason, 1L, Long::sum);
        out.add(new MibFrameResult.Failure(reason));
    }
}
