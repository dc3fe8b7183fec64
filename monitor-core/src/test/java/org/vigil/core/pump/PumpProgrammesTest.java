package org.vigil.core.pump;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.ProgrammeChange;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpStatus;

/** How a pump's messages make up its programme, and what counts as a change of it. */
class PumpProgrammesTest {

    private static final PumpProgramme STANDARD = new PumpProgramme("ketamine", 10.0, 5.25, 3.5, 0.75, "mg/kg/h");

    @ParameterizedTest(name = "{0} reported as {1} mL/h -> {2} mL/h")
    @CsvSource(nullValues = "", value = {
            "INFUSING, 52.5, 52.5",
            "PAUSED,   6,    6",
            "IDLE,     6,    6",
            ",         6,    6",
            "KVO,      1,    5.25",
            "COMPLETE, 0,    5.25",
            "STOPPED,  0,    5.25",
            "INFUSING, 0,    5.25",
            "INFUSING, -3,   5.25",
            "INFUSING, ,     5.25",
    })
    void takesTheRateOnlyWhileThePumpDeliversItsProgramme(PumpStatus status, Double reportedRate,
                                                           double expectedRate) {
        // given
        PumpProgramme reported = new PumpProgramme(null, null, reportedRate, null, null, null);

        // when
        PumpProgramme merged = PumpProgrammes.merge(STANDARD, reported, status);

        // then
        assertThat(merged.rateMlPerHour()).isEqualTo(expectedRate);
        assertThat(merged.drug()).isEqualTo("ketamine");
        assertThat(merged.vtbiMl()).isEqualTo(3.5);
    }

    @ParameterizedTest(name = "{0} {1} mg/mL {2} mL/h {3} mL -> {4}")
    @CsvSource(nullValues = "", value = {
            "ketamine, 10, 5.25, 3.5, ",
            "ketamine, 10, 52.5, 3.5, RATE_CHANGED",
            "ketamine, 1,  5.25, 3.5, PROGRAMME_CHANGED",
            "ketamine, 10, 5.25, 35,  PROGRAMME_CHANGED",
            "propofol, 10, 5.25, 3.5, PROGRAMME_CHANGED",
            "propofol, 10, 6,    3.5, PROGRAMME_CHANGED",
    })
    void namesTheChangeOfAProgramme(String drug, double concentration, double rate, double vtbi,
                                    ProgrammeChange expected) {
        // given
        PumpProgramme after = new PumpProgramme(drug, concentration, rate, vtbi, 9.99, "mg/kg/h");

        // when
        Optional<ProgrammeChange> change = PumpProgrammes.change(STANDARD, after);

        // then
        assertThat(change).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void theFirstProgrammeSeenIsTheFirstProgramme() {
        // when / then
        assertThat(PumpProgrammes.change(PumpProgrammes.NONE, STANDARD)).contains(ProgrammeChange.FIRST_PROGRAMME);
        assertThat(PumpProgrammes.change(PumpProgrammes.NONE, PumpProgrammes.NONE)).isEmpty();
    }
}
