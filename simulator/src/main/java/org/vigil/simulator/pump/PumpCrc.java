package org.vigil.simulator.pump;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * CRC-16/CCITT of the pump protocol (docs/PROTOCOLS.md §3): polynomial 0x1021 shifted in most significant bit first,
 * starting from 0xFFFF, no final XOR. Bit by bit, as the pump's firmware would do it on a small controller.
 */
final class PumpCrc {

    private PumpCrc() {
    }

    static int of(String ascii) {
        int crc = 0xFFFF;
        for (byte b : ascii.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) == 0 ? crc << 1 : (crc << 1) ^ 0x1021;
                crc &= 0xFFFF;
            }
        }
        return crc;
    }

    static String digits(String ascii) {
        String hex = Integer.toHexString(of(ascii)).toUpperCase(Locale.ROOT);
        return "0".repeat(4 - hex.length()) + hex;
    }
}
