package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatTypeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0000003C, 60",
            "FF0003B6, 95.0",
            "FE0005DC, 15.0",
            "FD000001, 0.001",
            "01000007, 70",
            "02FFFFFF, -100",
            "00FFFFF6, -10",
            "FF000064, 10.0",
            "00000000, 0",
            "007FFFFD, 8388605",
            "00800003, -8388605",
            "80000001, 1e-128",
            "7F000001, 1e127"})
    void decodesExponentAndMantissaAsSignedDecimal(String raw, double expected) {
        // when
        FloatType value = new FloatType(Integer.parseUnsignedInt(raw, 16));

        // then
        assertThat(value.isNumber()).isTrue();
        assertThat(value.value()).hasValue(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "007FFFFF, NAN",
            "00800000, NRES",
            "007FFFFE, POSITIVE_INFINITY",
            "00800002, NEGATIVE_INFINITY",
            "00800001, RESERVED",
            "FF7FFFFF, NAN",
            "02800000, NRES"})
    void neverTurnsASpecialValueIntoANumber(String raw, FloatType.Kind expected) {
        // when
        FloatType value = new FloatType(Integer.parseUnsignedInt(raw, 16));

        // then
        assertThat(value.kind()).isEqualTo(expected);
        assertThat(value.isNumber()).isFalse();
        assertThat(value.value()).isEmpty();
    }
}
