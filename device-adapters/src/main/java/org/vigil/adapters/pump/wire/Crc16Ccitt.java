package org.vigil.adapters.pump.wire;

import java.nio.charset.StandardCharsets;

/**
 * CRC-16/CCITT as the pump protocol uses it (docs/PROTOCOLS.md §3): polynomial {@code 0x1021}, initial value
 * {@code 0xFFFF}, no reflection, no final XOR (the "CCITT-FALSE" variant of the CRC catalogue, check value
 * {@code 0x29B1} for the ASCII digits {@code 123456789}). Table-driven, one table lookup per byte.
 */
final class Crc16Ccitt {

    private static final int POLYNOMIAL = 0x1021;
    private static final int INITIAL = 0xFFFF;
    private static final int[] TABLE = table();

    private Crc16Ccitt() {
    }

    static int of(byte[] bytes, int offset, int length) {
        int crc = INITIAL;
        for (int i = offset; i < offset + length; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    static int of(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        return of(bytes, 0, bytes.length);
    }

    /** The four uppercase hex digits a frame carries. */
    static String hex(int crc) {
        return String.format("%04X", crc & 0xFFFF);
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int value = n << 8;
            for (int bit = 0; bit < 8; bit++) {
                value = (value & 0x8000) != 0 ? (value << 1) ^ POLYNOMIAL : value << 1;
            }
            table[n] = value & 0xFFFF;
        }
        return table;
    }
}
