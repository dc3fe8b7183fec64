package org.vigil.core.pump;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

/** The time left a chair tile shows: as the pump said, else what remains at the programmed rate. */
class PumpStateTest {

    @ParameterizedTest(name = "{0}, {1} mL left at {2} mL/h, pump says {3} s -> {4} s")
    @CsvSource(nullValues = "", value = {
            "INFUSING, 2.625, 5.25, ,    1800",
            "INFUSING, 2.625, 5.25, 1700, 1700",
            "PAUSED,   2.625, 5.25, ,    ",
            "PAUSED,   2.625, 5.25, 1790, 1790",
            "INFUSING, ,      5.25, ,    ",
            "COMPLETE, 0,     5.25, ,    0",
            "KVO,      0,     1,    60,  0",
    })
    void tellsTheTimeLeft(PumpStatus status, Double remainingMl, double rate, Long pumpSaysSeconds,
                          Long expectedSeconds) {
        // given
        PumpReport report = new PumpReport(PumpReports.PUMP, new MessageKey("pump-1", "1"), PumpReports.T0,
                PumpReports.T0, status, new PumpProgramme("ketamine", 10.0, rate, 3.5, null, null), 0.875,
                remainingMl, pumpSaysSeconds == null ? null : Duration.ofSeconds(pumpSaysSeconds), List.of());

        // when
        Duration left = PumpState.first(report).timeLeft();

        // then
        assertThat(left).isEqualTo(expectedSeconds == null ? null : Duration.ofSeconds(expectedSeconds));
    }
}
