package org.vigil.simulator.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientModelTest {

    @Test
    void theSameSeedGivesTheSamePatientAndTheSameValues() {
        // given
        PatientModel first = PatientModel.fromSeed(4711);
        PatientModel second = PatientModel.fromSeed(4711);

        // when
        List<Double> firstValues = sample(first);
        List<Double> secondValues = sample(second);

        // then
        assertThat(first.baseline()).isEqualTo(second.baseline());
        assertThat(first.response()).isEqualTo(second.response());
        assertThat(firstValues).isEqualTo(secondValues);
    }

    @Test
    void differentSeedsGiveDifferentPatients() {
        // when
        PatientModel first = PatientModel.fromSeed(1);
        PatientModel second = PatientModel.fromSeed(2);

        // then
        assertThat(first.baseline()).isNotEqualTo(second.baseline());
        assertThat(sample(first)).isNotEqualTo(sample(second));
    }

    @Test
    void baselinesFollowTheDefaultDistributionsWithinPlausibleRanges() {
        // given
        int patients = 4000;
        double systolic = 0;
        double diastolic = 0;
        double heartRate = 0;
        double spo2 = 0;
        double respiratoryRate = 0;

        // when
        for (int seed = 0; seed < patients; seed++) {
            Baseline baseline = PatientModel.fromSeed(seed).baseline();
            assertThat(baseline.systolic()).isBetween(95.0, 160.0);
            assertThat(baseline.diastolic()).isBetween(55.0, 100.0).isLessThanOrEqualTo(baseline.systolic() - 25);
            assertThat(baseline.heartRate()).isBetween(50.0, 110.0);
            assertThat(baseline.spo2()).isBetween(93.0, 100.0);
            assertThat(baseline.respiratoryRate()).isBetween(8.0, 24.0);
            systolic += baseline.systolic();
            diastolic += baseline.diastolic();
            heartRate += baseline.heartRate();
            spo2 += baseline.spo2();
            respiratoryRate += baseline.respiratoryRate();
        }

        // then
        assertThat(systolic / patients).isCloseTo(125, within(2.0));
        assertThat(diastolic / patients).isCloseTo(78, within(2.0));
        assertThat(heartRate / patients).isCloseTo(75, within(2.0));
        assertThat(spo2 / patients).isCloseTo(97, within(0.5));
        assertThat(respiratoryRate / patients).isCloseTo(14, within(1.0));
    }

    @Test
    void peakRisesAverageTheDefaultsAcrossPatients() {
        // given
        int patients = 4000;
        double systolic = 0;
        double diastolic = 0;

        // when
        for (int seed = 0; seed < patients; seed++) {
            KetamineResponse response = PatientModel.fromSeed(seed).response();
            systolic += response.systolicPeakRise();
            diastolic += response.diastolicPeakRise();
        }

        // then: clamping at zero lifts the means a little above +16 / +11
        assertThat(systolic / patients).isBetween(15.5, 19.0);
        assertThat(diastolic / patients).isBetween(10.5, 13.5);
    }

    @Test
    void systolicPressureFollowsTheInfusionCurve() {
        // given
        PatientModel patient = PatientModel.fromSeed(99);
        double baseline = patient.baseline().systolic();
        double peakRise = patient.response().systolicPeakRise();

        // when
        double atPeak = patient.underlying(VitalSign.NIBP_SYSTOLIC, Duration.ofMinutes(35));
        double lateAfter = patient.underlying(VitalSign.NIBP_SYSTOLIC, Duration.ofMinutes(40 + 90));

        // then: within the ±3 mmHg slow drift of the curve
        assertThat(atPeak).isCloseTo(baseline + peakRise, within(3.0));
        assertThat(lateAfter - baseline).isLessThan(0.3 * peakRise + 3.0);
    }

    private static List<Double> sample(PatientModel patient) {
        List<Double> values = new ArrayList<>();
        for (int second = 0; second < 600; second += 7) {
            for (VitalSign vital : VitalSign.values()) {
                values.add(patient.underlying(vital, Duration.ofSeconds(second)) + patient.noise(vital, second));
            }
        }
        return values;
    }
}
