package org.vigil.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.protocol.LimitBand.Position;

/** A value is past a limit only beyond it; the default ketamine dose-rate band is 0.05 < 0.15 < 1.0 < 1.5 mg/kg/h. */
class LimitBandTest {

    private static final LimitBand RATE = new LimitBand(0.05, 0.15, 1.0, 1.5);

    @ParameterizedTest(name = "{0} mg/kg/h -> {1}")
    @CsvSource({
            "0.75,     WITHIN",
            "1.0,      WITHIN",
            "1.0001,   ABOVE_UPPER_SOFT",
            "1.5,      ABOVE_UPPER_SOFT",
            "1.5001,   ABOVE_UPPER_HARD",
            "7.5,      ABOVE_UPPER_HARD",
            "0.15,     WITHIN",
            "0.1499,   BELOW_LOWER_SOFT",
            "0.05,     BELOW_LOWER_SOFT",
            "0.0499,   BELOW_LOWER_HARD",
            "0,        BELOW_LOWER_HARD",
            "1.0000000000001, WITHIN",
    })
    void classifiesAValueAgainstTheFourLimits(double value, Position expected) {
        // when / then
        assertThat(RATE.classify(value)).isEqualTo(expected);
    }
}
