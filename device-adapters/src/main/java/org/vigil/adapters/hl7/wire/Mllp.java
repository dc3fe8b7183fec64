package org.vigil.adapters.hl7.wire;

import java.nio.charset.StandardCharsets;

/**
 * The Minimal Lower Layer Protocol block: {@code <VT> message <FS><CR>}
 * (HL7 v2 Transport Specification, MLLP release 2, "Block format"; docs/PROTOCOLS.md §1).
 */
public final class Mllp {

    /** Start block, vertical tab. */
    public static final byte START_BLOCK = 0x0B;
    /** End block, file separator. */
    public static final byte END_BLOCK = 0x1C;
    /** Carriage return that follows the end block. */
    public static final byte CARRIAGE_RETURN = 0x0D;
    /** Standard MLLP port registered with IANA for HL7 over MLLP. */
    public static final int DEFAULT_PORT = 2575;

    private Mllp() {
    }

    /** Wraps a message in one MLLP block, ready to write to the wire. */
    public static byte[] wrap(byte[] message) {
        byte[] block = new byte[message.length + 3];
        block[0] = START_BLOCK;
        System.arraycopy(message, 0, block, 1, message.length);
        block[block.length - 2] = END_BLOCK;
        block[block.length - 1] = CARRIAGE_RETURN;
        return block;
    }

    /** Wraps a message text, encoded as UTF-8 (a superset of the HL7 default ASCII). */
    public static byte[] wrap(String message) {
        return wrap(message.getBytes(StandardCharsets.UTF_8));
    }
}
