package org.vigil.adapters.intellivue.wire;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * The 32-bit FLOAT-Type of IEEE 11073 as the IntelliVue sends it: an 8-bit signed exponent (base 10) and a 24-bit
 * signed mantissa (Philips Data Export Interface Programming Guide, "FLOAT-Type"). The reserved mantissas NaN
 * {@code 0x7FFFFF}, NRes {@code 0x800000}, +INF {@code 0x7FFFFE}, -INF {@code 0x800002} (and the reserved
 * {@code 0x800001}) are never numbers; they are recognised whatever the exponent, so a corrupted exponent cannot
 * turn "not available" into a value.
 */
record FloatType(int raw) {

    public enum Kind { NUMBER, NAN, NRES, POSITIVE_INFINITY, NEGATIVE_INFINITY, RESERVED }

    public int exponent() {
        return raw >> 24;
    }

    public int mantissa() {
        return raw << 8 >> 8;
    }

    public Kind kind() {
        return switch (raw & 0xFFFFFF) {
            case 0x7FFFFF -> Kind.NAN;
            case 0x800000 -> Kind.NRES;
            case 0x7FFFFE -> Kind.POSITIVE_INFINITY;
            case 0x800002 -> Kind.NEGATIVE_INFINITY;
            case 0x800001 -> Kind.RESERVED;
            default -> Kind.NUMBER;
        };
    }

    public boolean isNumber() {
        return kind() == Kind.NUMBER;
    }

    /** The value, computed in decimal so that {@code 950 × 10⁻¹} is exactly 95.0; empty for the special values. */
    public OptionalDouble value() {
        if (!isNumber()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(BigDecimal.valueOf(mantissa()).scaleByPowerOfTen(exponent()).doubleValue());
    }

    @Override
    public String toString() {
        return isNumber() ? mantissa() + "e" + exponent() : kind().name();
    }
}
