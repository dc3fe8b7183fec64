package org.vigil.adapters.pump.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental deframer for the pump's ASCII protocol: bytes in chunks of any size, frames out (docs/PROTOCOLS.md §3).
 *
 * <p>A frame starts at {@code !} and ends at the carriage return after {@code |} and four uppercase hex digits of
 * CRC-16/CCITT over the body. Everything that does not make a good frame is a counted {@link
 * PumpFrameResult.Failure}, never an exception: a bad or missing CRC, a non-printable byte inside a frame, a frame
 * longer than the bound (the buffer never grows past it), a frame cut short by a new {@code !}, and bytes between
 * frames ("garbage", reported once per run when the next frame starts). Line ends between frames ({@code \r},
 * {@code \n}) are not garbage: some terminal servers add a line feed. After any failure the framer resynchronises
 * on the next {@code !}. Not thread-safe: one instance per connection.
 */
public final class PumpFramer {

    /** Longest body plus {@code |} and CRC accepted; a status reply is well under 128 characters. */
    public static final int DEFAULT_MAX_FRAME = 256;
    private static final int CRC_DIGITS = 4;

    private enum State { HUNTING, IN_FRAME, SKIPPING }

    private final int maxFrame;
    private final byte[] buffer;
    private State state = State.HUNTING;
    private int length;
    private int garbageRun;
    private long frames;
    private long failures;
    private long garbageBytes;

    public PumpFramer() {
        this(DEFAULT_MAX_FRAME);
    }

    /** @param maxFrame the most bytes between {@code !} and the carriage return */
    public PumpFramer(int maxFrame) {
        if (maxFrame < CRC_DIGITS + 2) {
            throw new IllegalArgumentException("max frame must leave room for a body and a CRC, was " + maxFrame);
        }
        this.maxFrame = maxFrame;
        this.buffer = new byte[maxFrame];
    }

    public List<PumpFrameResult> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    public List<PumpFrameResult> feed(byte[] bytes, int offset, int count) {
        List<PumpFrameResult> out = new ArrayList<>(2);
        for (int i = offset; i < offset + count; i++) {
            accept(bytes[i], out);
        }
        return out;
    }

    /** Forgets a partial frame, as after a reconnect; nothing is reported for it. */
    public void reset() {
        state = State.HUNTING;
        length = 0;
        garbageRun = 0;
    }

    /** Good frames so far. */
    public long frameCount() {
        return frames;
    }

    /** Failures reported so far. */
    public long failureCount() {
        return failures;
    }

    /** Bytes seen outside any frame (line ends excepted). */
    public long garbageByteCount() {
        return garbageBytes;
    }

    private void accept(byte b, List<PumpFrameResult> out) {
        if (b == PumpFrames.START) {
            startFrame(out);
            return;
        }
        switch (state) {
            case HUNTING -> {
                if (b != '\r' && b != '\n') {
                    garbageRun++;
                    garbageBytes++;
                }
            }
            case SKIPPING -> {
            }
            case IN_FRAME -> inFrame(b, out);
        }
    }

    private void startFrame(List<PumpFrameResult> out) {
        if (state == State.HUNTING && garbageRun > 0) {
            fail(out, garbageRun + " bytes of garbage before a frame start", garbageRun);
        } else if (state == State.IN_FRAME) {
            fail(out, "frame cut short by a new frame start after " + length + " bytes", length + 1);
        }
        garbageRun = 0;
        length = 0;
        state = State.IN_FRAME;
    }

    private void inFrame(byte b, List<PumpFrameResult> out) {
        if (b == PumpFrames.END) {
            out.add(complete());
            state = State.HUNTING;
            length = 0;
            return;
        }
        if (b < 0x20 || b > 0x7E) {
            skip(out, String.format("non-printable byte 0x%02X inside a frame", b & 0xFF));
            return;
        }
        if (length == maxFrame) {
            skip(out, "frame longer than " + maxFrame + " bytes");
            return;
        }
        buffer[length++] = b;
    }

    private PumpFrameResult complete() {
        int separator = length - CRC_DIGITS - 1;
        if (separator < 0 || buffer[separator] != PumpFrames.CRC_SEPARATOR) {
            return failure("no '|' and four CRC digits before the carriage return", length + 2);
        }
        String body = new String(buffer, 0, separator, StandardCharsets.US_ASCII);
        String digits = new String(buffer, separator + 1, CRC_DIGITS, StandardCharsets.US_ASCII);
        if (!digits.matches("[0-9A-F]{4}")) {
            return failure("CRC '" + digits + "' is not four uppercase hex digits", length + 2);
        }
        if (body.indexOf(PumpFrames.CRC_SEPARATOR) >= 0) {
            return failure("more than one '|' in a frame", length + 2);
        }
        int expected = Crc16Ccitt.of(buffer, 0, separator);
        if (Integer.parseInt(digits, 16) != expected) {
            return failure("bad CRC " + digits + ", computed " + Crc16Ccitt.hex(expected), length + 2);
        }
        frames++;
        return new PumpFrameResult.Frame(body);
    }

    private void skip(List<PumpFrameResult> out, String reason) {
        fail(out, reason, length + 2);
        state = State.SKIPPING;
        length = 0;
    }

    private void fail(List<PumpFrameResult> out, String reason, int byteCount) {
        out.add(failure(reason, byteCount));
    }

    private PumpFrameResult failure(String reason, int byteCount) {
        failures++;
        return new PumpFrameResult.Failure(reason, byteCount);
    }
}
