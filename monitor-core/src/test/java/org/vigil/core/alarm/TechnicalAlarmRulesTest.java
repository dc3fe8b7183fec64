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
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

/**
 * Sensor off / value not available and NIBP measurement failed, from one message. In the tables an empty cell is a
 * vital the message does not carry and {@code NA} a vital it carries as not available.
 */
class TechnicalAlarmRulesTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    @ParameterizedTest(name = "SpO2 {0} HR {1} -> SpO2 sensor {2}, HR sensor {3}")
    @CsvSource(nullValues = "", value = {
            "97, 80, NORMAL, NORMAL",
            "NA, 80, MEDIUM, NORMAL",
            "97, NA, NORMAL, MEDIUM",
            "NA, NA, MEDIUM, MEDIUM",
            ",   80, N/A,    NORMAL",
            "NA,   , MEDIUM, N/A",
            ",     , N/A,    N/A",
    })
    void aVitalReportedAsNotAvailableIsASensorOffAlarm(String spo2, String heartRate, String spo2Sensor,
                                                       String heartRateSensor) {
        // given
        Readings readings = readings(Vital.SPO2, spo2, Vital.HEART_RATE, heartRate);

        // when
        RuleDecision spo2Decision = TechnicalAlarmRules.SENSOR_OFF_SPO2.evaluate(readings, null, null);
        RuleDecision heartRateDecision = TechnicalAlarmRules.SENSOR_OFF_HEART_RATE.evaluate(readings, null, null);

        // then
        assertThat(outcome(spo2Decision)).isEqualTo(spo2Sensor);
        assertThat(outcome(heartRateDecision)).isEqualTo(heartRateSensor);
    }

    @ParameterizedTest(name = "SBP {0} -> {1}")
    @CsvSource(nullValues = "", value = {
            "NA,  LOW",
            "120, NORMAL",
            ",    N/A",
    })
    void aCuffMessageWithoutASystolicIsAFailedMeasurement(String systolic, String expected) {
        // given
        Readings readings = readings(Vital.NIBP_SYSTOLIC, systolic, Vital.HEART_RATE, "80");

        // when
        RuleDecision decision = TechnicalAlarmRules.nibpFailed(readings, null, null);

        // then
        assertThat(outcome(decision)).isEqualTo(expected);
    }

    @Test
    void saysWhichValueIsMissing() {
        // given
        Readings readings = readings(Vital.SPO2, "NA", Vital.NIBP_SYSTOLIC, "NA");

        // when / then
        assertThat(TechnicalAlarmRules.SENSOR_OFF_SPO2.evaluate(readings, null, null)).isEqualTo(new Condition(
                AlarmPriority.MEDIUM, AlarmKind.TECHNICAL, "SpO2 not available: sensor off or no signal", null));
        assertThat(TechnicalAlarmRules.NIBP_FAILED.evaluate(readings, null, null)).isEqualTo(
                new Condition(AlarmPriority.LOW, AlarmKind.TECHNICAL, "NIBP measurement failed", null));
    }

    @Test
    void everyTechnicalRuleHasItsOwnStableName() {
        // when
        List<String> names = TechnicalAlarmRules.ALL.stream().map(AlarmRule::name).toList();

        // then
        assertThat(names).containsExactly("sensor-off-spo2", "sensor-off-hr", "nibp-failed");
    }

    private static Readings readings(Object... vitalsAndValues) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < vitalsAndValues.length; i += 2) {
            Vital vital = (Vital) vitalsAndValues[i];
            String value = (String) vitalsAndValues[i + 1];
            if ("NA".equals(value)) {
                observations.add(Observation.notAvailable(vital, AT));
            } else if (value != null) {
                observations.add(Observation.of(vital, Double.parseDouble(value), AT));
            }
        }
        return Readings.of(observations);
    }

    private static String outcome(RuleDecision decision) {
        if (decision instanceof Condition condition) {
            assertThat(condition.kind()).isEqualTo(AlarmKind.TECHNICAL);
            return condition.priority().name();
        }
        return decision instanceof RuleDecision.Normal ? "NORMAL" : "N/A";
    }
}
