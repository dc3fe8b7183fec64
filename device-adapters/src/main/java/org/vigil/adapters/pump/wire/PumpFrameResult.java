package org.vigil.adapters.pump.wire;

/** What the {@link PumpFramer} made of the bytes between two frame boundaries. */
public sealed interface PumpFrameResult {

    /**
     * A frame whose CRC matched.
     *
     * @param body the text between {@code !} and {@code |}, e.g. {@code INF^SN123^NONE^INFUSING^52.5^…}
     */
    record Frame(String body) implements PumpFrameResult {
    }

    /**
     * Bytes that did not make a good frame: dropped and counted.
     *
     * @param reason    why, for the log and the connection's failure count
     * @param byteCount how many bytes were dropped
     */
    record Failure(String reason, int byteCount) implements PumpFrameResult {
    }
}
