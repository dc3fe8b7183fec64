package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.AlarmThresholds;
import org.vigil.core.protocol.AlarmThresholds.SevereHypertension;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * Each rule against the default thresholds of docs/DOMAIN.md, "Alarm rules", at and around every boundary. An empty
 * cell is a vital the message does not carry; {@code N/A} is "not applicable", which must never clear an alarm.
 */
class AlarmRulesTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");
    private static final AlarmThresholds DEFAULTS = ClinicProtocol.loadDefault().alarms();
    private static final PatientContext WITH_BASELINE =
            new PatientContext(new BaselineVitals(125, 78, 72, 98), 44, Treatment.IV_KETAMINE);
    private static final PatientContext WITHOUT_BASELINE = new PatientContext(null, 44, Treatment.IV_KETAMINE);

    @ParameterizedTest(name = "SBP {0} DBP {1} -> {2}")
    @CsvSource(nullValues = "", value = {
            "180,    110,  NORMAL",
            "180.5,  80,   HIGH",
            "181,    80,   HIGH",
            "120,    110.5, HIGH",
            "120,    111,  HIGH",
            "186,    115,  HIGH",
            "181,    ,     HIGH",
            ",       111,  HIGH",
            "120,    ,     NORMAL",
            ",       ,     N/A",
    })
    void severeHypertensionIsHighAboveSystolic180OrDiastolic110(Double sbp, Double dbp, String expected) {
        // given
        Readings readings = readings(Vital.NIBP_SYSTOLIC, sbp, Vital.NIBP_DIASTOLIC, dbp);

        // when
        RuleDecision decision = AlarmRules.severeHypertension(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SBP {0} DBP {1} against baseline 125/78 -> {2}")
    @CsvSource(nullValues = "", value = {
            "164,    102,  NORMAL",
            "164.9,  80,   NORMAL",
            "165,    80,   MEDIUM",
            "120,    103,  MEDIUM",
            "120,    102.9, NORMAL",
            "186,    110,  MEDIUM",
            "165,    ,     MEDIUM",
            ",       103,  MEDIUM",
            ",       ,     N/A",
    })
    void relativeSurgeIsMediumFromSystolicPlus40OrDiastolicPlus25(Double sbp, Double dbp, String expected) {
        // given
        Readings readings = readings(Vital.NIBP_SYSTOLIC, sbp, Vital.NIBP_DIASTOLIC, dbp);

        // when
        RuleDecision decision = AlarmRules.relativeSurge(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "baseline {0}/{1}, SBP {2} DBP {3} -> {4}")
    @CsvSource(nullValues = "", value = {
            ",    ,   200, 120, N/A",
            ",    78, 200, 90,  NORMAL",
            ",    78, 200, 103, MEDIUM",
            "125, ,   160, 120, NORMAL",
            "125, ,   ,    120, N/A",
    })
    void relativeSurgeSaysNothingForAPressureWithoutBaseline(Integer baselineSbp, Integer baselineDbp, Double sbp,
                                                             Double dbp, String expected) {
        // given
        var patient = new PatientContext(new BaselineVitals(baselineSbp, baselineDbp, null, null), 44,
                Treatment.ESKETAMINE);
        Readings readings = readings(Vital.NIBP_SYSTOLIC, sbp, Vital.NIBP_DIASTOLIC, dbp);

        // when
        RuleDecision decision = AlarmRules.relativeSurge(readings, patient, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @Test
    void relativeSurgeIsNotApplicableWithoutAnyBaseline() {
        // given
        Readings readings = readings(Vital.NIBP_SYSTOLIC, 200.0, Vital.NIBP_DIASTOLIC, 120.0);

        // when
        RuleDecision decision = AlarmRules.relativeSurge(readings, WITHOUT_BASELINE, DEFAULTS);

        // then
        assertThat(decision).isEqualTo(RuleDecision.NOT_APPLICABLE);
    }

    @ParameterizedTest(name = "SBP {0} -> {1}")
    @CsvSource(nullValues = "", value = {
            "90,   NORMAL",
            "89.9, MEDIUM",
            "70,   MEDIUM",
            ",     N/A",
    })
    void hypotensionIsMediumBelowSystolic90(Double sbp, String expected) {
        // when
        RuleDecision decision = AlarmRules.hypotension(readings(Vital.NIBP_SYSTOLIC, sbp), WITH_BASELINE, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "HR {0} PR {1} -> {2}")
    @CsvSource(nullValues = "", value = {
            "120,   ,    NORMAL",
            "120.5, ,    MEDIUM",
            "121,   ,    MEDIUM",
            "140,   ,    MEDIUM",
            "141,   ,    HIGH",
            ",      121, MEDIUM",
            ",      141, HIGH",
            "100,   141, NORMAL",
            ",      ,    N/A",
    })
    void tachycardiaIsMediumAbove120AndHighAbove140(Double heartRate, Double pulseRate, String expected) {
        // given
        Readings readings = readings(Vital.HEART_RATE, heartRate, Vital.PULSE_RATE, pulseRate);

        // when
        RuleDecision decision = AlarmRules.tachycardia(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "HR {0} PR {1} -> {2}")
    @CsvSource(nullValues = "", value = {
            "50,   ,   NORMAL",
            "49.5, ,   MEDIUM",
            "49,   ,   MEDIUM",
            "40,   ,   MEDIUM",
            "39,   ,   HIGH",
            ",     49, MEDIUM",
            ",     39, HIGH",
            "60,   39, NORMAL",
            ",     ,   N/A",
    })
    void bradycardiaIsMediumBelow50AndHighBelow40(Double heartRate, Double pulseRate, String expected) {
        // given
        Readings readings = readings(Vital.HEART_RATE, heartRate, Vital.PULSE_RATE, pulseRate);

        // when
        RuleDecision decision = AlarmRules.bradycardia(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SpO2 {0} -> {1}")
    @CsvSource(nullValues = "", value = {
            "90,   NORMAL",
            "89.9, MEDIUM",
            "89,   MEDIUM",
            "85,   MEDIUM",
            "84.9, HIGH",
            "84,   HIGH",
            ",     N/A",
    })
    void desaturationIsMediumBelow90AndHighBelow85(Double spo2, String expected) {
        // when
        RuleDecision decision = AlarmRules.desaturation(readings(Vital.SPO2, spo2), WITH_BASELINE, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "RR {0} -> {1}")
    @CsvSource(nullValues = "", value = {
            "8,   NORMAL",
            "7.9, MEDIUM",
            "4,   MEDIUM",
            ",    N/A",
    })
    void bradypneaIsMediumBelow8(Double respiratoryRate, String expected) {
        // when
        RuleDecision decision = AlarmRules.bradypnea(readings(Vital.RESPIRATORY_RATE, respiratoryRate),
                WITH_BASELINE, DEFAULTS);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @Test
    void aValueTheDeviceReportsAsNotAvailableIsNotApplicable() {
        // given
        Readings readings = Readings.of(List.of(Observation.notAvailable(Vital.SPO2, AT),
                Observation.notAvailable(Vital.HEART_RATE, AT), Observation.notAvailable(Vital.NIBP_SYSTOLIC, AT)));

        // when / then
        for (AlarmRule rule : AlarmRules.ALL) {
            assertThat(rule.evaluate(readings, WITH_BASELINE, DEFAULTS)).as(rule.name())
                    .isEqualTo(RuleDecision.NOT_APPLICABLE);
        }
    }

    @Test
    void usesThePulseRateWhenTheHeartRateIsNotAvailable() {
        // given
        Readings readings = Readings.of(List.of(Observation.notAvailable(Vital.HEART_RATE, AT),
                Observation.of(Vital.PULSE_RATE, 145, AT)));

        // when
        RuleDecision decision = AlarmRules.tachycardia(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(decision).isEqualTo(
                new Condition(AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL, "PR 145 /min > 140", 145.0));
    }

    @Test
    void describesTheSevereHypertensionForTheNurse() {
        // given
        Readings readings = readings(Vital.NIBP_SYSTOLIC, 186.0, Vital.NIBP_DIASTOLIC, 92.0);

        // when
        RuleDecision decision = AlarmRules.severeHypertension(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(decision).isEqualTo(
                new Condition(AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL, "SBP 186 mmHg > 180", 186.0));
    }

    @Test
    void namesBothPressuresWhenBothAreTooHigh() {
        // given
        Readings readings = readings(Vital.NIBP_SYSTOLIC, 166.0, Vital.NIBP_DIASTOLIC, 104.5);

        // when
        RuleDecision decision = AlarmRules.relativeSurge(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(decision).isEqualTo(new Condition(AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL,
                "SBP 166 mmHg >= baseline 125 + 40, DBP 104.5 mmHg >= baseline 78 + 25", 166.0));
    }

    @Test
    void describesDesaturationAndHeartRateWithTheirUnits() {
        // given
        Readings readings = readings(Vital.SPO2, 88.0, Vital.HEART_RATE, 45.0);

        // when
        RuleDecision desaturation = AlarmRules.desaturation(readings, WITH_BASELINE, DEFAULTS);
        RuleDecision bradycardia = AlarmRules.bradycardia(readings, WITH_BASELINE, DEFAULTS);

        // then
        assertThat(((Condition) desaturation).message()).isEqualTo("SpO2 88 % < 90");
        assertThat(((Condition) bradycardia).message()).isEqualTo("HR 45 /min < 50");
    }

    @Test
    void takesItsLimitsFromTheClinicProtocol() {
        // given
        AlarmThresholds stricter = new AlarmThresholds(new SevereHypertension(170, 105), DEFAULTS.relativeSurge(),
                DEFAULTS.hypotension(), DEFAULTS.tachycardia(), DEFAULTS.bradycardia(), DEFAULTS.desaturation(),
                DEFAULTS.bradypnea());
        Readings readings = readings(Vital.NIBP_SYSTOLIC, 175.0);

        // when
        RuleDecision decision = AlarmRules.severeHypertension(readings, WITH_BASELINE, stricter);

        // then
        assertThat(decision).isEqualTo(
                new Condition(AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL, "SBP 175 mmHg > 170", 175.0));
    }

    @Test
    void everyRuleHasItsOwnStableName() {
        // when
        List<String> names = AlarmRules.ALL.stream().map(AlarmRule::name).toList();

        // then
        assertThat(names).containsExactly("severe-hypertension", "relative-surge", "hypotension", "tachycardia",
                "bradycardia", "desaturation", "bradypnea");
    }

    private static Readings readings(Object... vitalsAndValues) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < vitalsAndValues.length; i += 2) {
            Vital vital = (Vital) vitalsAndValues[i];
            Double value = (Double) vitalsAndValues[i + 1];
            if (value != null) {
                observations.add(Observation.of(vital, value, AT));
            }
        }
        return Readings.of(observations);
    }

    private static String outcome(RuleDecision decision) {
        if (decision instanceof Condition condition) {
            assertThat(condition.kind()).isEqualTo(AlarmKind.PHYSIOLOGICAL);
            return condition.priority().name();
        }
        return decision instanceof RuleDecision.Normal ? "NORMAL" : "N/A";
    }
}
