package org.vigil.adapters.pump.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Crc16CcittTest {

    @ParameterizedTest(name = "CRC of \"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "123456789|29B1",
            "INF|4961",
            "INF_PROG|86FD",
            "ACK^INF_RATE|2F7E",
            "INF_RATE^52.5^ml/h|715B",
            "INF_VTBI^ACTIV^35^ml^STOP|23A8",
            "REMOTE_CTRL^ENABLED^30|DBB2",
            "INF_START|38F3",
            "INF_STOP|CD57"})
    void computesCrc16CcittFalseAsFourUppercaseHexDigits(String text, String expected) {
        // when
        String crc = Crc16Ccitt.hex(Crc16Ccitt.of(text));

        // then: 29B1 is the catalogue check value of CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF)
        assertThat(crc).isEqualTo(expected);
    }

    @Test
    void leavesTheInitialValueForNoBytes() {
        // then
        assertThat(Crc16Ccitt.hex(Crc16Ccitt.of(""))).isEqualTo("FFFF");
    }
}
