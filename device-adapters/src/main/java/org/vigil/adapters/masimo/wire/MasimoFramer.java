package org.vigil.adapters.masimo.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental line splitter for the oximeter's ASCII output: bytes in chunks of any size, lines out
 * (docs/PROTOCOLS.md §4).
 *
 * <p>A line ends at a carriage return or a line feed; the oximeter ends its lines with both, in either order, and
 * the empty lines between them are not reported. A line longer than the bound (the buffer never grows past it)
 * and a line with a byte that is not printable ASCII (noise on the cable, a baud rate that does not match) are
 * counted {@link MasimoFrameResult.Failure}s, reported as soon as they are seen; the rest of such a line is
 * skipped, and the framer starts again at the next line end. Not thread-safe: one instance per connection.
 */
public final class MasimoFramer {

    /** The longest line accepted; a Radical-7 line with every field is about 150 characters. */
    public static final int DEFAULT_MAX_LINE = 256;

    private final int maxLine;
    private final byte[] buffer;
    private int length;
    private boolean skipping;
    private long lines;
    private long failures;

    public MasimoFramer() {
        this(DEFAULT_MAX_LINE);
    }

    /** @param maxLine the most bytes between two line ends */
    public MasimoFramer(int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("max line must be positive, was " + maxLine);
        }
        this.maxLine = maxLine;
        this.buffer = new byte[maxLine];
    }

    public List<MasimoFrameResult> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    public List<MasimoFrameResult> feed(byte[] bytes, int offset, int count) {
        List<MasimoFrameResult> out = new ArrayList<>(1);
        for (int i = offset; i < offset + count; i++) {
            accept(bytes[i], out);
        }
        return out;
    }

    /**
     * Forgets a partial line, as after a reconnect; nothing is reported for it. A port opened in the middle of a
     * line delivers that line's tail, which the decoder rejects: it has no date and time.
     */
    public void reset() {
        length = 0;
        skipping = false;
    }

    /** Lines so far. */
    public long lineCount() {
        return lines;
    }

    /** Failures reported so far. */
    public long failureCount() {
        return failures;
    }

    private void accept(byte b, List<MasimoFrameResult> out) {
        if (b == '\r' || b == '\n') {
            if (!skipping && length > 0) {
                lines++;
                out.add(new MasimoFrameResult.Line(new String(buffer, 0, length, StandardCharsets.US_ASCII)));
            }
            length = 0;
            skipping = false;
            return;
        }
        if (skipping) {
            return;
        }
        if (b < 0x20 || b > 0x7E) {
            skip(out, String.format("non-printable byte 0x%02X in a line", b & 0xFF));
        } else if (length == maxLine) {
            skip(out, "line longer than " + maxLine + " bytes");
        } else {
            buffer[length++] = b;
        }
    }

    private void skip(List<MasimoFrameResult> out, String reason) {
        failures++;
        out.add(new MasimoFrameResult.Failure(reason, length + 1));
        length = 0;
        skipping = true;
    }
}
