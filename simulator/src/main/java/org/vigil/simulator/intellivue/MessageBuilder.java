package org.vigil.simulator.intellivue;

import java.io.ByteArrayOutputStream;

/** Appends big-endian fields, and the two length encodings of the association messages. */
final class MessageBuilder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static MessageBuilder create() {
        return new MessageBuilder();
    }

    MessageBuilder u8(int value) {
        bytes.write(value & 0xFF);
        return this;
    }

    MessageBuilder u16(int value) {
        return u8(value >> 8).u8(value);
    }

    MessageBuilder u32(long value) {
        return u16((int) (value >> 16)).u16((int) value);
    }

    MessageBuilder raw(byte[] value) {
        bytes.writeBytes(value);
        return this;
    }

    /** A 16-bit length followed by the content: the shape of most lengths in the data messages. */
    MessageBuilder sized(byte[] content) {
        return u16(content.length).raw(content);
    }

    /** Session and presentation "LI": one byte up to 254, otherwise 0xFF and two bytes. */
    MessageBuilder li(int length) {
        return length <= 254 ? u8(length) : u8(0xFF).u16(length);
    }

    /** ASN.1 BER definite length. */
    MessageBuilder berLength(int length) {
        if (length < 128) {
            return u8(length);
        }
        return length < 256 ? u8(0x81).u8(length) : u8(0x82).u16(length);
    }

    int length() {
        return bytes.size();
    }

    byte[] build() {
        return bytes.toByteArray();
    }

    static byte[] fromHex(String text) {
        String hex = text.replaceAll("\\s", "");
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }
}
