package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorValuesTest {

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource({
            "60, 0000003C",
            "120, 00000078",
            "95.5, FF0003BB",
            "36.6, FF00016E",
            "0.001, FD000001",
            "-1, 00FFFFFF",
            "-12.5, FFFFFF83",
            "0, 00000000",
            "123456789, 0212D688",
            "1e300, 007FFFFF"})
    void writesNumbersAsFloatType(double value, String expected) {
        // then
        assertThat(MonitorValues.floatType(value)).isEqualTo(Integer.parseUnsignedInt(expected, 16));
    }

    @Test
    void writesAMissingValueAsNan() {
        // then
        assertThat(MonitorValues.floatType(null)).isEqualTo(0x007FFFFF);
        assertThat(MonitorValues.floatType(Double.NaN)).isEqualTo(0x007FFFFF);
    }

    @Test
    void writesWallClockTimeAsBcd() {
        // when
        byte[] bcd = MonitorValues.absoluteTime(LocalDateTime.of(2017, 11, 4, 14, 44, 51, 990_000_000));

        // then
        assertThat(bcd).containsExactly(MessageBuilder.fromHex("20 17 11 04 14 44 51 99"));
    }
}
