package org.vigil.adapters.intellivue.wire;

/**
 * The 16-bit frame check sequence of the MIB/RS232 frame: the PPP FCS of RFC 1662 (appendix C.2), initial value
 * {@code 0xFFFF}, reflected polynomial {@code 0x8408}, sent complemented with the low byte first (Philips Data Export
 * Interface Programming Guide, "Frame Check Sequence Field").
 */
final class Fcs16 {

    static final int INITIAL = 0xFFFF;

    private static final int[] TABLE = buildTable();

    private Fcs16() {
    }

    static int update(int fcs, int octet) {
        return (fcs >>> 8) ^ TABLE[(fcs ^ octet) & 0xFF];
    }

    /** The value to transmit for these bytes: the complemented register. */
    static int of(byte[] bytes, int offset, int length) {
        int fcs = INITIAL;
        for (int i = offset; i < offset + length; i++) {
            fcs = update(fcs, bytes[i]);
        }
        return ~fcs & 0xFFFF;
    }

    private static int[] buildTable() {
        int[] table = new int[256];
        for (int b = 0; b < 256; b++) {
            int v = b;
            for (int bit = 0; bit < 8; bit++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ 0x8408 : v >>> 1;
            }
            table[b] = v;
        }
        return table;
    }
}
