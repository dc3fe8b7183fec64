package org.vigil.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.simulator.scenario.ScriptedValue.at;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;

class ScriptedScenarioTest {

    private final ScriptedScenario scenario = ScriptedScenario.of(
            at(Duration.ofSeconds(10), VitalSign.HEART_RATE, 130),
            at(Duration.ofSeconds(3), VitalSign.NIBP_SYSTOLIC, 150),
            at(Duration.ofSeconds(3), VitalSign.NIBP_DIASTOLIC, 95),
            at(Duration.ofSeconds(30), VitalSign.SPO2, 84),
            at(Duration.ofSeconds(40), VitalSign.NIBP_SYSTOLIC, 186),
            at(Duration.ofSeconds(40), VitalSign.NIBP_DIASTOLIC, 112),
            at(Duration.ofSeconds(40), VitalSign.NIBP_MEAN, 140));

    @Test
    void holdsEachScriptedValueUntilTheNextAndUsesDefaultsBefore() {
        // given
        VitalsTrace trace = scenario.start(0);

        // when
        List<Measurement> atStart = trace.periodicAt(Duration.ZERO);
        List<Measurement> later = trace.periodicAt(Duration.ofSeconds(35));

        // then
        assertThat(atStart).containsExactly(
                new Measurement(VitalSign.HEART_RATE, 72), new Measurement(VitalSign.SPO2, 98),
                new Measurement(VitalSign.PULSE_RATE, 72), new Measurement(VitalSign.RESPIRATORY_RATE, 14));
        assertThat(later).containsExactly(
                new Measurement(VitalSign.HEART_RATE, 130), new Measurement(VitalSign.SPO2, 84),
                new Measurement(VitalSign.PULSE_RATE, 130), new Measurement(VitalSign.RESPIRATORY_RATE, 14));
    }

    @Test
    void measuresTheCuffExactlyAtTheScriptedOffsetsAndNowhereElse() {
        // given
        VitalsTrace trace = scenario.start(0);

        // when
        List<CuffReading> readings = ScenariosTest.readingsUntil(trace, Duration.ofHours(5));

        // then
        assertThat(readings).containsExactly(
                new CuffReading(Duration.ofSeconds(3), List.of(
                        new Measurement(VitalSign.NIBP_SYSTOLIC, 150), new Measurement(VitalSign.NIBP_DIASTOLIC, 95),
                        new Measurement(VitalSign.NIBP_MEAN, 113), new Measurement(VitalSign.NIBP_PULSE_RATE, 72))),
                new CuffReading(Duration.ofSeconds(40), List.of(
                        new Measurement(VitalSign.NIBP_SYSTOLIC, 186), new Measurement(VitalSign.NIBP_DIASTOLIC, 112),
                        new Measurement(VitalSign.NIBP_MEAN, 140), new Measurement(VitalSign.NIBP_PULSE_RATE, 130))));
    }
}
