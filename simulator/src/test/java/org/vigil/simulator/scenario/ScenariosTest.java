package org.vigil.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;

class ScenariosTest {

    private static final int SEEDS = 300;

    @Test
    void knowsTheFiveNamedScenarios() {
        // when
        List<String> names = Scenarios.names();

        // then
        assertThat(names).containsExactly("normal", "severe-hypertension", "tachycardia", "desaturation",
                "hypotension");
        assertThat(Scenarios.named("tachycardia")).isSameAs(Scenarios.TACHYCARDIA);
    }

    @Test
    void refusesAnUnknownName() {
        // when / then
        assertThatThrownBy(() -> Scenarios.named("asystole"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asystole").hasMessageContaining("severe-hypertension");
    }

    @Test
    void theNormalPatientWithACuffEveryMinuteKeepsThePatientAndAddsTheCycles() {
        // given
        VitalsTrace everyMinute = Scenarios.normalWithCuffEvery(Duration.ofMinutes(1)).start(7);
        VitalsTrace normal = Scenarios.NORMAL.start(7);

        // when
        List<CuffReading> firstQuarter = readingsUntil(everyMinute, Duration.ofMinutes(15));

        // then
        assertThat(firstQuarter).extracting(CuffReading::at).containsExactlyElementsOf(
                LongStream.rangeClosed(0, 15).mapToObj(Duration::ofMinutes).toList());
        assertThat(firstQuarter.get(5)).isEqualTo(readingsUntil(normal, Duration.ofMinutes(5)).get(1));
        assertThat(everyMinute.periodicAt(Duration.ofSeconds(90))).isEqualTo(normal.periodicAt(Duration.ofSeconds(90)));
        assertThatThrownBy(() -> Scenarios.normalWithCuffEvery(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severeHypertensionCrossesOneHundredEightyWithinAMinuteAndConfirmsIt() {
        for (long seed = 0; seed < SEEDS; seed++) {
            // given
            VitalsTrace trace = Scenarios.SEVERE_HYPERTENSION.start(seed);

            // when
            List<CuffReading> firstMinute = readingsUntil(trace, Duration.ofSeconds(60));

            // then
            assertThat(firstMinute).extracting(CuffReading::at)
                    .containsExactly(Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(50));
            assertThat(systolic(firstMinute.get(0))).isLessThanOrEqualTo(180);
            assertThat(systolic(firstMinute.get(1))).isGreaterThan(180).isBetween(183, 191);
            assertThat(diastolic(firstMinute.get(1))).isBetween(110, 118);
            assertThat(systolic(firstMinute.get(2))).isGreaterThan(180);
        }
    }

    @Test
    void hypotensionFallsBelowNinetyWithinAMinuteAndConfirmsIt() {
        for (long seed = 0; seed < SEEDS; seed++) {
            // given
            VitalsTrace trace = Scenarios.HYPOTENSION.start(seed);

            // when
            List<CuffReading> firstMinute = readingsUntil(trace, Duration.ofSeconds(60));

            // then
            assertThat(firstMinute).extracting(CuffReading::at)
                    .containsExactly(Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(50));
            assertThat(systolic(firstMinute.get(1))).isLessThan(90);
            assertThat(systolic(firstMinute.get(2))).isLessThan(90);
        }
    }

    @Test
    void tachycardiaExceedsOneHundredFortyFromAboutTwentySeconds() {
        for (long seed = 0; seed < SEEDS; seed++) {
            // given
            VitalsTrace trace = Scenarios.TACHYCARDIA.start(seed);

            // when / then
            assertThat(value(trace, 0, VitalSign.HEART_RATE)).isLessThanOrEqualTo(120);
            for (int second = 20; second <= 120; second++) {
                assertThat(value(trace, second, VitalSign.HEART_RATE)).isGreaterThan(140);
                assertThat(value(trace, second, VitalSign.PULSE_RATE)).isGreaterThan(140);
            }
        }
    }

    @Test
    void desaturationFallsBelowEightyFiveFromAboutTwentySeconds() {
        for (long seed = 0; seed < SEEDS; seed++) {
            // given
            VitalsTrace trace = Scenarios.DESATURATION.start(seed);

            // when / then
            assertThat(value(trace, 0, VitalSign.SPO2)).isGreaterThanOrEqualTo(90);
            for (int second = 20; second <= 120; second++) {
                assertThat(value(trace, second, VitalSign.SPO2)).isLessThan(85);
            }
        }
    }

    @Test
    void excursionsRecover() {
        // given
        VitalsTrace tachycardia = Scenarios.TACHYCARDIA.start(3);
        VitalsTrace desaturation = Scenarios.DESATURATION.start(3);

        // when
        int heartRateLater = value(tachycardia, 20 * 60, VitalSign.HEART_RATE);
        int spo2Later = value(desaturation, 10 * 60, VitalSign.SPO2);

        // then
        assertThat(heartRateLater).isLessThan(120);
        assertThat(spo2Later).isGreaterThanOrEqualTo(90);
    }

    @Test
    void normalSessionsMeasureOnlyOnTheDefaultCadence() {
        // given
        VitalsTrace trace = Scenarios.NORMAL.start(8);

        // when
        List<CuffReading> threeHours = readingsUntil(trace, Duration.ofHours(3));

        // then
        assertThat(threeHours).extracting(reading -> reading.at().toMinutes()).containsExactly(
                0L, 5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 60L, 75L, 90L, 105L, 120L, 135L, 150L, 165L, 180L);
        assertThat(threeHours).allSatisfy(reading -> assertThat(reading.at().toSecondsPart()).isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal", "severe-hypertension", "tachycardia", "desaturation", "hypotension"})
    void replaysIdenticallyFromTheSameSeed(String name) {
        // given
        Scenario scenario = Scenarios.named(name);

        // when
        VitalsTrace first = scenario.start(77);
        VitalsTrace second = scenario.start(77);

        // then
        assertThat(readingsUntil(first, Duration.ofHours(2))).isEqualTo(readingsUntil(second, Duration.ofHours(2)));
        for (int second1 = 0; second1 < 900; second1 += 13) {
            assertThat(first.periodicAt(Duration.ofSeconds(second1)))
                    .isEqualTo(second.periodicAt(Duration.ofSeconds(second1)));
        }
    }

    @Test
    void everyPeriodicSampleCarriesTheFourOnceASecondVitals() {
        // when
        List<Measurement> sample = Scenarios.NORMAL.start(5).periodicAt(Duration.ofSeconds(42));

        // then
        assertThat(sample).extracting(Measurement::vital).containsExactly(
                VitalSign.HEART_RATE, VitalSign.SPO2, VitalSign.PULSE_RATE, VitalSign.RESPIRATORY_RATE);
    }

    static List<CuffReading> readingsUntil(VitalsTrace trace, Duration until) {
        List<CuffReading> readings = new ArrayList<>();
        Iterator<CuffReading> iterator = trace.cuffReadings();
        while (iterator.hasNext()) {
            CuffReading reading = iterator.next();
            if (reading.at().compareTo(until) > 0) {
                break;
            }
            readings.add(reading);
        }
        return readings;
    }

    private static int value(VitalsTrace trace, int second, VitalSign vital) {
        return trace.periodicAt(Duration.ofSeconds(second)).stream()
                .filter(m -> m.vital() == vital).findFirst().orElseThrow().value();
    }

    private static int systolic(CuffReading reading) {
        return reading.value(VitalSign.NIBP_SYSTOLIC).orElseThrow();
    }

    private static int diastolic(CuffReading reading) {
        return reading.value(VitalSign.NIBP_DIASTOLIC).orElseThrow();
    }
}
