package org.vigil.simulator.mllp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental MLLP deframer: feed it bytes as they arrive, in any chunking, and it returns whole frames and
 * failures. Bytes outside a frame, a frame interrupted by a new start block and a frame longer than the
 * bound are failure values; decoding then resynchronises on the next start block. The buffer never holds
 * more than {@code maxFrameBytes}.
 */
public final class MllpFrameDecoder {

    /** What one step of deframing produced. */
    public sealed interface Result permits Frame, Failure {
    }

    /** A complete frame's payload, as UTF-8 text. */
    public record Frame(String text) implements Result {
    }

    /** Bytes that did not form a frame, and why. */
    public record Failure(String reason, int discardedBytes) implements Result {
    }

    private enum State { OUTSIDE, INSIDE, AFTER_END_BLOCK, SKIPPING }

    private final int maxFrameBytes;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    private State state = State.OUTSIDE;
    private int discarded;

    public MllpFrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    public List<Result> feed(byte[] bytes, int offset, int length) {
        List<Result> results = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i], results);
        }
        return results;
    }

    private void accept(byte b, List<Result> results) {
        switch (state) {
            case OUTSIDE, SKIPPING -> {
                if (b == MllpFrames.START_BLOCK) {
                    reportDiscarded(results, state == State.SKIPPING ? "frame longer than " + maxFrameBytes
                            + " bytes" : "bytes outside a frame");
                    startFrame();
                } else {
                    discarded++;
                }
            }
            case INSIDE -> {
                if (b == MllpFrames.END_BLOCK) {
                    state = State.AFTER_END_BLOCK;
                } else if (b == MllpFrames.START_BLOCK) {
                    discarded += payload.size();
                    reportDiscarded(results, "frame interrupted by a new start block");
                    startFrame();
                } else {
                    append(b);
                }
            }
            case AFTER_END_BLOCK -> {
                if (b == MllpFrames.CARRIAGE_RETURN) {
                    results.add(new Frame(payload.toString(StandardCharsets.UTF_8)));
                    payload.reset();
                    state = State.OUTSIDE;
                } else if (b == MllpFrames.START_BLOCK) {
                    discarded += payload.size() + 1;
                    reportDiscarded(results, "end block not followed by carriage return");
                    startFrame();
                } else {
                    append(MllpFrames.END_BLOCK);
                    state = State.INSIDE;
                    accept(b, results);
                }
            }
        }
    }

    private void append(byte b) {
        if (payload.size() >= maxFrameBytes) {
            discarded += payload.size() + 1;
            payload.reset();
            state = State.SKIPPING;
            return;
        }
        payload.write(b);
    }

    private void startFrame() {
        payload.reset();
        state = State.INSIDE;
    }

    private void reportDiscarded(List<Result> results, String reason) {
        if (discarded > 0) {
            results.add(new Failure(reason, discarded));
        }
        discarded = 0;
    }
}
