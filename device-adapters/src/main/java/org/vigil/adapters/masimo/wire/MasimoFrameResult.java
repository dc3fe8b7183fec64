package org.vigil.adapters.masimo.wire;

/** What the {@link MasimoFramer} made of the bytes up to one line end. */
public sealed interface MasimoFrameResult {

    /**
     * One line of printable ASCII, without its line end.
     *
     * @param text e.g. {@code 11/03/26 09:14:02 SN=0000012345 SPO2=097% BPM=084 …}
     */
    record Line(String text) implements MasimoFrameResult {
    }

    /**
     * Bytes that did not make a line: dropped and counted.
     *
     * @param reason    why, for the log and the connection's failure count
     * @param byteCount how many bytes were dropped
     */
    record Failure(String reason, int byteCount) implements MasimoFrameResult {
    }
}
