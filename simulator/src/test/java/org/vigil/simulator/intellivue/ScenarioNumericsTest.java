package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;
import org.vigil.simulator.scenario.VitalsTrace;

class ScenarioNumericsTest {

    private static final Instant START = Instant.parse("2024-05-02T08:00:00.400Z");
    private static final VitalsTrace TRACE = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 80),
            ScriptedValue.at(Duration.ZERO, VitalSign.SPO2, 96),
            ScriptedValue.at(Duration.ZERO, VitalSign.RESPIRATORY_RATE, 12),
            ScriptedValue.at(Duration.ofSeconds(10), VitalSign.HEART_RATE, 118),
            ScriptedValue.at(Duration.ofSeconds(20), VitalSign.NIBP_SYSTOLIC, 165),
            ScriptedValue.at(Duration.ofSeconds(20), VitalSign.NIBP_DIASTOLIC, 101),
            ScriptedValue.at(Duration.ofSeconds(50), VitalSign.NIBP_SYSTOLIC, 132),
            ScriptedValue.at(Duration.ofSeconds(50), VitalSign.NIBP_DIASTOLIC, 85)).start(1);

    @Test
    void showsTheTracesValuesOfTheCurrentSecondAndNoNibpBeforeTheFirstCuffCycle() {
        // given
        ScenarioNumerics numerics = new ScenarioNumerics(TRACE, START, 1.0);

        // when
        SimulatedNumerics atStart = numerics.read(START);
        SimulatedNumerics justBeforeTen = numerics.read(START.plusMillis(9_999));
        SimulatedNumerics atTen = numerics.read(START.plusSeconds(10));

        // then
        assertThat(atStart).isEqualTo(new SimulatedNumerics(80.0, 96.0, 80.0, 12.0, null, null, null));
        assertThat(justBeforeTen.heartRate()).isEqualTo(80.0);
        assertThat(atTen.heartRate()).isEqualTo(118.0);
        assertThat(atTen.pulseRate()).isEqualTo(118.0);
    }

    @Test
    void holdsEachCuffReadingUntilTheNextOneCompletes() {
        // given
        ScenarioNumerics numerics = new ScenarioNumerics(TRACE, START, 1.0);

        // when
        SimulatedNumerics before = numerics.read(START.plusSeconds(19));
        SimulatedNumerics first = numerics.read(START.plusSeconds(20));
        SimulatedNumerics held = numerics.read(START.plusSeconds(49));
        SimulatedNumerics second = numerics.read(START.plusSeconds(50));

        // then
        assertThat(before.nibpSystolic()).isNull();
        assertThat(first).extracting(SimulatedNumerics::nibpSystolic, SimulatedNumerics::nibpDiastolic,
                SimulatedNumerics::nibpMean).containsExactly(165.0, 101.0, 122.0);
        assertThat(held.nibpSystolic()).isEqualTo(165.0);
        assertThat(second).extracting(SimulatedNumerics::nibpSystolic, SimulatedNumerics::nibpDiastolic)
                .containsExactly(132.0, 85.0);
    }

    @Test
    void runsTheScenarioSpeedTimesAsFastAsTheWallClock() {
        // given
        ScenarioNumerics numerics = new ScenarioNumerics(TRACE, START, 10.0);

        // when
        SimulatedNumerics afterOneSecond = numerics.read(START.plusSeconds(1));
        SimulatedNumerics afterTwoSeconds = numerics.read(START.plusSeconds(2));

        // then
        assertThat(afterOneSecond.heartRate()).isEqualTo(118.0);
        assertThat(afterTwoSeconds.nibpSystolic()).isEqualTo(165.0);
    }

    @Test
    void neverGoesBackInTheScenarioWhenTheWallClockDoes() {
        // given
        ScenarioNumerics numerics = new ScenarioNumerics(TRACE, START, 1.0);
        numerics.read(START.plusSeconds(25));

        // when
        SimulatedNumerics afterClockStep = numerics.read(START.plusSeconds(5));

        // then
        assertThat(afterClockStep.heartRate()).isEqualTo(118.0);
        assertThat(afterClockStep.nibpSystolic()).isEqualTo(165.0);
    }
}
