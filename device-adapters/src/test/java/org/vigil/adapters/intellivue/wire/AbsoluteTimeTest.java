package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.intellivue.wire.TestBytes.hex;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbsoluteTimeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2017110414445100, 2017-11-04T14:44:51",
            "2024022923595999, 2024-02-29T23:59:59.99",
            "1999123100000001, 1999-12-31T00:00:00.01"})
    void decodesBcdDigits(String bcd, LocalDateTime expected) {
        // then
        assertThat(AbsoluteTime.decode(hex(bcd))).hasValue(expected);
    }

    @ParameterizedTest(name = "{0} is not a time")
    @CsvSource({
            "FFFFFFFFFFFFFFFF",
            "2023023012000000",
            "20231A0112000000",
            "2023011225000000"})
    void treatsUnsetOrImpossibleTimesAsAbsent(String bcd) {
        // then
        assertThat(AbsoluteTime.decode(hex(bcd))).isEmpty();
    }

    @Test
    void treatsAStampOfTheWrongLengthAsAbsent() {
        // then
        assertThat(AbsoluteTime.decode(hex("20171104144451"))).isEmpty();
    }
}
