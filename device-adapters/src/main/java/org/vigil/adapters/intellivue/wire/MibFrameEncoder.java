package org.vigil.adapters.intellivue.wire;

import java.io.ByteArrayOutputStream;

/** Wraps a Data Export message in an MIB/RS232 frame, the inverse of {@link MibFramer}. */
final class MibFrameEncoder {

    private MibFrameEncoder() {
    }

    public static byte[] encode(byte[] payload) {
        if (payload.length > 0xFFFF) {
            throw new IllegalArgumentException("payload longer than 65535 bytes: " + payload.length);
        }
        byte[] data = new byte[MibFramer.HEADER_LENGTH + payload.length];
        data[0] = MibFramer.PROTOCOL_ID;
        data[1] = MibFramer.MESSAGE_TYPE;
        data[2] = (byte) (payload.length >>> 8);
        data[3] = (byte) payload.length;
        System.arraycopy(payload, 0, data, MibFramer.HEADER_LENGTH, payload.length);
        int fcs = Fcs16.of(data, 0, data.length);

        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 8);
        out.write(MibFramer.BOF);
        for (byte b : data) {
            writeEscaped(out, b & 0xFF);
        }
        writeEscaped(out, fcs & 0xFF);
        writeEscaped(out, fcs >>> 8);
        out.write(MibFramer.EOF);
        return out.toByteArray();
    }

    private static void writeEscaped(ByteArrayOutputStream out, int b) {
        if (b == MibFramer.BOF || b == MibFramer.EOF || b == MibFramer.ESCAPE) {
            out.write(MibFramer.ESCAPE);
            out.write(b ^ MibFramer.ESCAPE_XOR);
        } else {
            out.write(b);
        }
    }
}
