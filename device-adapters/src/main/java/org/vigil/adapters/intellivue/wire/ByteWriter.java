package org.vigil.adapters.intellivue.wire;

import java.io.ByteArrayOutputStream;

/** Big-endian writer for the client's messages. */
final class ByteWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    ByteWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    ByteWriter u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    ByteWriter bytes(byte[] v) {
        out.writeBytes(v);
        return this;
    }

    /** Session/presentation length indicator: one byte below 255, else {@code 0xFF} and 16 bits. */
    ByteWriter lengthIndicator(int length) {
        return length < 0xFF ? u8(length) : u8(0xFF).u16(length);
    }

    /** ASN.1 BER definite length. */
    ByteWriter asnLength(int length) {
        if (length < 0x80) {
            return u8(length);
        }
        return length <= 0xFF ? u8(0x81).u8(length) : u8(0x82).u16(length);
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    static byte[] hex(String hex) {
        String digits = hex.replaceAll("\\s", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
