package org.vigil.adapters.pump.wire;

import java.nio.charset.StandardCharsets;

/**
 * The frame of the pump's ASCII protocol (docs/PROTOCOLS.md §3): {@code !}, the body {@code COMMAND^arg^…}, {@code |},
 * four uppercase hex digits of CRC-16/CCITT over the body, carriage return. Commands and replies share it.
 */
public final class PumpFrames {

    static final byte START = '!';
    static final byte CRC_SEPARATOR = '|';
    static final byte END = '\r';
    static final char FIELD_SEPARATOR = '^';

    private PumpFrames() {
    }

    /**
     * Frames a body.
     *
     * @throws IllegalArgumentException when the body holds a character the frame cannot carry: a frame delimiter
     *                                  ({@code !}, {@code |}) or anything outside printable ASCII
     */
    public static byte[] frame(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c < 0x20 || c > 0x7E || c == START || c == CRC_SEPARATOR) {
                throw new IllegalArgumentException("a pump frame cannot carry '" + c + "' in " + body);
            }
        }
        String text = "!" + body + "|" + Crc16Ccitt.hex(Crc16Ccitt.of(body)) + "\r";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
