package org.vigil.simulator.mllp;

import java.nio.charset.StandardCharsets;

/**
 * The Minimal Lower Layer Protocol envelope (HL7 v2 Implementation Guide, appendix C; docs/PROTOCOLS.md §1):
 * start block 0x0B, the message, end block 0x1C and carriage return 0x0D. Text is UTF-8, as MSH-18 says.
 */
public final class MllpFrames {

    public static final byte START_BLOCK = 0x0B;
    public static final byte END_BLOCK = 0x1C;
    public static final byte CARRIAGE_RETURN = 0x0D;

    private MllpFrames() {
    }

    public static byte[] frame(String message) {
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[payload.length + 3];
        frame[0] = START_BLOCK;
        System.arraycopy(payload, 0, frame, 1, payload.length);
        frame[frame.length - 2] = END_BLOCK;
        frame[frame.length - 1] = CARRIAGE_RETURN;
        return frame;
    }
}
