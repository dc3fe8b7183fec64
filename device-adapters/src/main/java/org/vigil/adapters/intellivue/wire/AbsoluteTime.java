package org.vigil.adapters.intellivue.wire;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The 8-byte BCD AbsoluteTime (century, year, month, day, hour, minute, second, hundredths) in the monitor's local
 * time (Philips Data Export Interface Programming Guide, "AbsoluteTime"). All {@code 0xFF} means "not set"; a
 * nibble that is not a decimal digit or a date that does not exist is treated the same way.
 */
final class AbsoluteTime {

    static final int LENGTH = 8;

    private AbsoluteTime() {
    }

    public static Optional<LocalDateTime> decode(byte[] bcd) {
        if (bcd.length != LENGTH) {
            return Optional.empty();
        }
        int[] v = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int hi = (bcd[i] & 0xF0) >>> 4;
            int lo = bcd[i] & 0x0F;
            if (hi > 9 || lo > 9) {
                return Optional.empty();
            }
            v[i] = hi * 10 + lo;
        }
        try {
            return Optional.of(LocalDateTime.of(v[0] * 100 + v[1], v[2], v[3], v[4], v[5], v[6], v[7] * 10_000_000));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    static Optional<LocalDateTime> read(ByteReader reader) {
        return decode(reader.bytes(LENGTH));
    }
}
