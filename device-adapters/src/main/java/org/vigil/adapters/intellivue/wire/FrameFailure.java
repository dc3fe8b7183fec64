package org.vigil.adapters.intellivue.wire;

/** Why bytes from the MIB/RS232 port did not make a frame. Each occurrence is counted by the {@link MibFramer}. */
enum FrameFailure {
    /** Bytes outside any frame (counted once per run of such bytes). */
    GARBAGE,
    /** A new frame began before the current one ended, or a frame too short to hold header and FCS. */
    TRUNCATED,
    /** The frame was ended by an escape followed by the end flag: the sender's frame abort. */
    ESCAPE_AT_END,
    /** The frame exceeded the configured maximum size; its remaining bytes are discarded. */
    OVERSIZE,
    /** The frame check sequence did not match. */
    BAD_FCS,
    /** The header is not the Data Export protocol id {@code 0x11} with message type {@code 0x01}. */
    BAD_HEADER,
    /** The header's length field disagrees with the number of payload bytes received. */
    LENGTH_MISMATCH
}
