package org.vigil.simulator.intellivue;

/**
 * PPP frame check sequence (RFC 1662, bitwise form) as the IntelliVue MIB/RS232 port uses it: register starts at
 * {@code 0xFFFF}, reflected polynomial {@code 0x8408}, the complement is sent low byte first.
 */
final class PppFcs {

    private PppFcs() {
    }

    static int compute(byte[] data, int from, int to) {
        int register = 0xFFFF;
        for (int i = from; i < to; i++) {
            register ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                boolean carry = (register & 1) == 1;
                register >>>= 1;
                if (carry) {
                    register ^= 0x8408;
                }
            }
        }
        return register ^ 0xFFFF;
    }
}
