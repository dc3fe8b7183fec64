package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.DrugLimits;
import org.vigil.core.pump.InfusionPrescription;

/**
 * The dose-safety rules against the default protocol: 0.5 mg/kg over 40 min prescribed for 70 kg at 10 mg/mL
 * (35 mg, 3.5 mL, 5.25 mL/h = 52.5 mg/h), a 10 % tolerance, and the ketamine entry of the drug library (dose rate
 * 0.05 < 0.15 < 1.0 < 1.5 mg/kg/h, session dose 0.05 < 0.1 < 0.75 < 1.0 mg/kg).
 */
class DoseSafetyRulesTest {

    private static final ClinicProtocol PROTOCOL = ClinicProtocol.loadDefault();
    private static final double TOLERANCE = PROTOCOL.doseReconciliation().tolerance();
    private static final DrugLimits KETAMINE = PROTOCOL.drugLibrary().find("Ketamine").orElseThrow();
    private static final InfusionPrescription PRESCRIPTION =
            new InfusionPrescription("ketamine", 0.5, Duration.ofMinutes(40), 10, 70);

    @ParameterizedTest(name = "{0} mL/h {1}, delivered {2} mg, {3} mL left -> {4}")
    @CsvSource(nullValues = "", value = {
            "5.25,   INFUSING, 0,    3.5,  NORMAL",
            "5.775,  INFUSING, 0,    3.5,  NORMAL",
            "5.7751, INFUSING, 0,    3.5,  MEDIUM",
            "4.725,  INFUSING, 0,    3.5,  NORMAL",
            "4.7249, INFUSING, 0,    3.5,  MEDIUM",
            "52.5,   INFUSING, 0,    3.5,  MEDIUM",
            "52.5,   IDLE,     0,    3.5,  MEDIUM",
            "52.5,   PAUSED,   10,   2.5,  MEDIUM",
            "5.25,   INFUSING, 10,   2.5,  NORMAL",
            "5.25,   INFUSING, 10,   2.85, NORMAL",
            "5.25,   INFUSING, 10,   2.86, MEDIUM",
            "5.25,   INFUSING, 10,   2.15, NORMAL",
            "5.25,   INFUSING, 10,   2.14, MEDIUM",
            "5.25,   COMPLETE, 38.5, ,     NORMAL",
            "5.25,   COMPLETE, 38.6, ,     MEDIUM",
            "5.25,   KVO,      31.5, ,     NORMAL",
            "5.25,   KVO,      31.4, ,     MEDIUM",
            "52.5,   KVO,      35,   ,     NORMAL",
            "5.25,   INFUSING, 10,   ,     NORMAL",
            "52.5,   STOPPED,  10,   ,     N/A",
    })
    void doseMismatchIsMediumBeyondTenPercentOfThePrescription(double rate, PumpStatus status, double deliveredMg,
                                                               Double remainingMl, String expected) {
        // given
        Infusion infusion = new Infusion(null, 10.0, rate, 3.5, status, deliveredMg, remainingMl, 70);

        // when
        RuleDecision decision = DoseSafetyRules.doseMismatch(PRESCRIPTION, infusion, TOLERANCE);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @Test
    void aRateTenTimesTooHighSaysWhatWasProgrammedAndWhatWasPrescribed() {
        // given
        Infusion infusion = new Infusion("ketamine", 10.0, 52.5, 3.5, PumpStatus.INFUSING, 0, 3.5, 70);

        // when
        RuleDecision decision = DoseSafetyRules.doseMismatch(PRESCRIPTION, infusion, TOLERANCE);

        // then
        assertThat(decision).isEqualTo(new Condition(AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL,
                "Dose mismatch: programmed 52.5 mL/h × 10 mg/mL = 525 mg/h, prescribed 52.5 mg/h (5.25 mL/h): "
                        + "+900 % (tolerance 10 %)", 52.5));
    }

    @Test
    void aWrongConcentrationAtTheRightRateIsAMismatch() {
        // given: 5.25 mL/h of a 20 mg/mL bag is twice the prescribed dose rate
        Infusion infusion = new Infusion("ketamine", 20.0, 5.25, 3.5, PumpStatus.INFUSING, 0, 3.5, 70);

        // when
        RuleDecision decision = DoseSafetyRules.doseMismatch(PRESCRIPTION, infusion, TOLERANCE);

        // then
        assertThat(outcome(decision)).isEqualTo("MEDIUM");
        assertThat(((Condition) decision).message()).contains("= 105 mg/h", "projected total 70 mg");
    }

    @Test
    void anotherDrugOnThePumpIsAMismatch() {
        // given
        Infusion infusion = new Infusion("Propofol", 10.0, 5.25, 3.5, PumpStatus.INFUSING, 0, 3.5, 70);

        // when
        RuleDecision decision = DoseSafetyRules.doseMismatch(PRESCRIPTION, infusion, TOLERANCE);

        // then
        assertThat(((Condition) decision).message())
                .isEqualTo("Dose mismatch: pump drug Propofol, prescribed ketamine (tolerance 10 %)");
    }

    @Test
    void sameDrugWrittenOtherwiseIsNoMismatch() {
        // given
        Infusion infusion = new Infusion(" KETAMINE ", 10.0, 5.25, 3.5, PumpStatus.INFUSING, 0, 3.5, 70);

        // when / then
        assertThat(outcome(DoseSafetyRules.doseMismatch(PRESCRIPTION, infusion, TOLERANCE))).isEqualTo("NORMAL");
    }

    @Test
    void nothingToCompareWithoutAPrescriptionOrAPump() {
        // given
        Infusion infusion = new Infusion("ketamine", 10.0, 52.5, 3.5, PumpStatus.INFUSING, 0, 3.5, 70);

        // when / then
        assertThat(outcome(DoseSafetyRules.doseMismatch(null, infusion, TOLERANCE))).isEqualTo("N/A");
        assertThat(outcome(DoseSafetyRules.doseMismatch(PRESCRIPTION, null, TOLERANCE))).isEqualTo("N/A");
    }

    @ParameterizedTest(name = "{0} mL/h, {1} mL to infuse, {2} mg delivered -> hard {3}, soft {4}")
    @CsvSource(nullValues = "", value = {
            "5.25,  3.5,  0,    NORMAL, NORMAL",
            "7.0,   3.5,  0,    NORMAL, NORMAL",
            "7.01,  3.5,  0,    NORMAL, LOW",
            "10.5,  3.5,  0,    NORMAL, LOW",
            "10.51, 3.5,  0,    HIGH,   NORMAL",
            "52.5,  3.5,  0,    HIGH,   NORMAL",
            "1.05,  3.5,  0,    NORMAL, NORMAL",
            "1.04,  3.5,  0,    NORMAL, LOW",
            "0.35,  3.5,  0,    NORMAL, LOW",
            "0.34,  3.5,  0,    HIGH,   NORMAL",
            "5.25,  5.25, 0,    NORMAL, NORMAL",
            "5.25,  5.26, 0,    NORMAL, LOW",
            "5.25,  7.0,  0,    NORMAL, LOW",
            "5.25,  7.01, 0,    HIGH,   NORMAL",
            "5.25,  0.7,  0,    NORMAL, NORMAL",
            "5.25,  0.69, 0,    NORMAL, LOW",
            "5.25,  0.35, 0,    NORMAL, LOW",
            "5.25,  0.34, 0,    HIGH,   NORMAL",
            "5.25,  3.5,  70,   NORMAL, LOW",
            "5.25,  3.5,  70.1, HIGH,   NORMAL",
            "5.25,  ,     0,    NORMAL, NORMAL",
            "5.25,  ,     1,    NORMAL, NORMAL",
            "5.25,  ,     60,   NORMAL, LOW",
    })
    void drugLibraryLimitsRaiseAnAdvisoryPastSoftAndAHighAlarmPastHard(double rate, Double vtbiMl,
                                                                       double deliveredMg, String hard,
                                                                       String soft) {
        // given
        Infusion infusion = new Infusion("ketamine", 10.0, rate, vtbiMl, PumpStatus.INFUSING, deliveredMg, null, 70);

        // when
        RuleDecision hardDecision = DoseSafetyRules.hardLimit(infusion, KETAMINE);
        RuleDecision softDecision = DoseSafetyRules.softLimit(infusion, KETAMINE, false);

        // then
        assertThat(outcome(hardDecision)).isEqualTo(hard);
        assertThat(outcome(softDecision)).isEqualTo(soft);
    }

    @Test
    void theLimitMessagesNameTheDrugTheValueAndTheLimit() {
        // given
        Infusion tooFast = new Infusion("ketamine", 10.0, 52.5, 3.5, PumpStatus.INFUSING, 0, null, 70);
        Infusion fast = new Infusion("ketamine", 10.0, 8.4, 3.5, PumpStatus.INFUSING, 0, null, 70);

        // when
        RuleDecision hard = DoseSafetyRules.hardLimit(tooFast, KETAMINE);
        RuleDecision soft = DoseSafetyRules.softLimit(fast, KETAMINE, false);

        // then
        assertThat(hard).isEqualTo(new Condition(AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL,
                "ketamine dose rate 7.5 mg/kg/h > upper hard limit 1.5 mg/kg/h: cannot be overridden, "
                        + "reprogramme the pump", 7.5));
        assertThat(soft).isEqualTo(new Condition(AlarmPriority.LOW, AlarmKind.PHYSIOLOGICAL,
                "ketamine dose rate 1.2 mg/kg/h > upper soft limit 1 mg/kg/h: override with a reason or "
                        + "reprogramme the pump", 1.2));
    }

    @Test
    void anOverriddenAdvisoryStaysSilent() {
        // given
        Infusion fast = new Infusion("ketamine", 10.0, 8.4, 3.5, PumpStatus.INFUSING, 0, null, 70);

        // when / then
        assertThat(outcome(DoseSafetyRules.softLimit(fast, KETAMINE, true))).isEqualTo("NORMAL");
    }

    @Test
    void theRateOfAPumpInKeepVeinOpenIsNotChecked() {
        // given
        Infusion kvo = new Infusion("ketamine", 10.0, 0.1, null, PumpStatus.KVO, 35, null, 70);

        // when / then
        assertThat(outcome(DoseSafetyRules.hardLimit(kvo, KETAMINE))).isEqualTo("NORMAL");
        assertThat(outcome(DoseSafetyRules.softLimit(kvo, KETAMINE, false))).isEqualTo("NORMAL");
    }

    @Test
    void aDrugTheLibraryDoesNotKnowIsNotChecked() {
        // given
        Infusion infusion = new Infusion("midazolam", 1.0, 500.0, 3.5, PumpStatus.INFUSING, 0, null, 70);

        // when / then
        assertThat(outcome(DoseSafetyRules.hardLimit(infusion, null))).isEqualTo("N/A");
        assertThat(outcome(DoseSafetyRules.softLimit(infusion, null, false))).isEqualTo("N/A");
    }

    @ParameterizedTest(name = "{0} against {1} with {2} -> {3}")
    @CsvSource({
            "110,    100, 0.1, false",
            "110.01, 100, 0.1, true",
            "90,     100, 0.1, false",
            "89.99,  100, 0.1, true",
            "57.75,  52.5, 0.1, false",
            "47.25,  52.5, 0.1, false",
            "105,    100, 0.05, false",
            "105.01, 100, 0.05, true",
    })
    void departsOnlyBeyondTheTolerance(double actual, double expected, double tolerance, boolean departs) {
        // when / then
        assertThat(DoseSafetyRules.departs(actual, expected, tolerance)).isEqualTo(departs);
    }

    private static String outcome(RuleDecision decision) {
        if (decision instanceof Condition condition) {
            assertThat(condition.kind()).isEqualTo(AlarmKind.PHYSIOLOGICAL);
            return condition.priority().name();
        }
        return decision instanceof RuleDecision.Normal ? "NORMAL" : "N/A";
    }
}
