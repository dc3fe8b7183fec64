package org.vigil.simulator.intellivue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/** How the monitor writes a number (FLOAT-Type) and a wall-clock time (BCD AbsoluteTime). */
final class MonitorValues {

    /** FLOAT-Type NaN: "no value", sent for a measurement that is not available. */
    static final int FLOAT_NAN = 0x007FFFFF;
    private static final long MANTISSA_LIMIT = 0x7FFFFD;

    private MonitorValues() {
    }

    /**
     * 8-bit signed exponent, 24-bit signed mantissa, value = mantissa × 10^exponent (Programming Guide,
     * "FLOAT-Type"). Uses as few decimals as the value needs; {@code null} becomes NaN.
     */
    static int floatType(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return FLOAT_NAN;
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (decimal.scale() < 0 && fits(decimal.setScale(0))) {
            decimal = decimal.setScale(0);
        }
        while (!fits(decimal) || decimal.scale() > 127) {
            decimal = decimal.setScale(decimal.scale() - 1, RoundingMode.HALF_EVEN);
        }
        if (decimal.scale() < -128) {
            return FLOAT_NAN;
        }
        int exponent = -decimal.scale();
        int mantissa = decimal.unscaledValue().intValueExact();
        return exponent << 24 | (mantissa & 0xFFFFFF);
    }

    private static boolean fits(BigDecimal decimal) {
        return decimal.unscaledValue().abs().compareTo(BigInteger.valueOf(MANTISSA_LIMIT)) <= 0;
    }

    /** Century, year, month, day, hour, minute, second, hundredths, each as two BCD digits. */
    static byte[] absoluteTime(LocalDateTime time) {
        int[] fields = {time.getYear() / 100, time.getYear() % 100, time.getMonthValue(), time.getDayOfMonth(),
                time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 10_000_000};
        byte[] bcd = new byte[fields.length];
        for (int i = 0; i < fields.length; i++) {
            bcd[i] = (byte) ((fields[i] / 10) << 4 | fields[i] % 10);
        }
        return bcd;
    }
}
