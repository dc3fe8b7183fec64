package org.vigil.simulator.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KetamineResponseTest {

    private final KetamineResponse response =
            new KetamineResponse(16, 11, KetamineResponse.DEFAULT_TIME_TO_PEAK);

    @Test
    void bloodPressurePeaksAboutThirtyFiveMinutesAfterTheStart() {
        // given
        int peakMinute = 0;
        double peak = 0;

        // when
        for (int minute = 0; minute <= 240; minute++) {
            double rise = response.systolicRiseAt(Duration.ofMinutes(minute));
            if (rise > peak) {
                peak = rise;
                peakMinute = minute;
            }
        }

        // then
        assertThat(peakMinute).isBetween(30, 40);
        assertThat(peak).isCloseTo(16, within(0.01));
        assertThat(response.diastolicRiseAt(Duration.ofMinutes(peakMinute))).isCloseTo(11, within(0.01));
    }

    @Test
    void bloodPressureIsBackNearBaselineAnHourAndAHalfAfterAFortyMinuteInfusion() {
        // given
        Duration infusionEnd = Duration.ofMinutes(40);

        // when
        double riseThen = response.systolicRiseAt(infusionEnd.plusMinutes(90));

        // then
        assertThat(riseThen).isLessThan(0.3 * 16).isPositive();
        assertThat(response.systolicRiseAt(infusionEnd.plusMinutes(180))).isLessThan(0.05 * 16);
    }

    @Test
    void hasNoRiseBeforeTheInfusionStarts() {
        // when
        double before = response.systolicRiseAt(Duration.ofMinutes(-5));
        double atStart = response.systolicRiseAt(Duration.ZERO);

        // then
        assertThat(before).isZero();
        assertThat(atStart).isZero();
    }
}
