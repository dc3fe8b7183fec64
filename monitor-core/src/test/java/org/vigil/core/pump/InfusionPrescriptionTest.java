package org.vigil.core.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dose = mg/kg × weight; volume = dose / concentration; rate = volume / hours (docs/DOMAIN.md, "The treatment"). */
class InfusionPrescriptionTest {

    @ParameterizedTest(name = "{0} mg/kg over {1} min at {2} mg/mL for {3} kg -> {4} mg, {5} mL, {6} mL/h")
    @CsvSource({
            "0.5, 40,  10, 70,  35,  3.5,  5.25",
            "0.5, 40,  10, 82.5, 41.25, 4.125, 6.1875",
            "0.1, 100, 1,  60,  6,   6,    3.6",
            "1.0, 2,   10, 50,  50,  5,    150",
            "0.5, 40,  1,  70,  35,  35,   52.5",
    })
    void computesDoseVolumeAndRateFromTheWeight(double mgPerKg, long minutes, double concentration, double weight,
                                                double doseMg, double vtbiMl, double rateMlPerHour) {
        // given
        InfusionPrescription prescription = new InfusionPrescription("ketamine", mgPerKg, Duration.ofMinutes(minutes),
                concentration, weight);

        // when / then
        assertThat(prescription.expectedDoseMg()).isCloseTo(doseMg, within(1e-9));
        assertThat(prescription.vtbiMl()).isCloseTo(vtbiMl, within(1e-9));
        assertThat(prescription.expectedRateMlPerHour()).isCloseTo(rateMlPerHour, within(1e-9));
        assertThat(prescription.expectedMgPerHour()).isCloseTo(rateMlPerHour * concentration, within(1e-9));
    }

    @Test
    void theStandardDoseIsThreeQuartersOfAMilligramPerKilogramAnHour() {
        // given
        InfusionPrescription standard = new InfusionPrescription("ketamine", 0.5, Duration.ofMinutes(40), 10, 70);

        // when / then
        assertThat(standard.expectedMgPerKgPerHour()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void namesEveryValueThatCannotGiveADose() {
        // when
        var problems = InfusionPrescription.problems(null, Double.NaN, Duration.ofMinutes(-5), 0, 0);

        // then
        assertThat(problems).containsExactly("the drug must be named", "the dose must be more than 0 mg/kg, got NaN",
                "the duration must be more than 0 minutes, got PT-5M",
                "the concentration must be more than 0 mg/mL, got 0.0",
                "the session has no weight to compute the dose from (got 0.0 kg)");
    }
}
