package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PumpScenariosTest {

    private static final PumpDose DOSE = PumpDose.ketamine(70, 1.0);

    @Test
    void normalDeliversThePrescribed35MgIn40MinutesThenKeepsTheVeinOpen() {
        // when
        PumpSnapshot at40 = play("normal", Duration.ofMinutes(40));
        PumpSnapshot at50 = play("normal", Duration.ofMinutes(50));

        // then
        assertThat(at40.programmeDeliveredMl()).isCloseTo(35.0, within(1e-6));
        assertThat(PumpTruth.of(at40).deliveredMg()).isCloseTo(35.0, within(1e-6));
        assertThat(at50.state()).isEqualTo(PumpState.KVO);
        assertThat(at50.programmeDeliveredMl()).isEqualTo(35.0);
    }

    @Test
    void occlusionStopsTheInfusionAtMinute12WithTheAlarmStillOnLater() {
        // when
        PumpSnapshot before = play("occlusion", Duration.ofMinutes(12).minusSeconds(1));
        PumpSnapshot after = play("occlusion", Duration.ofMinutes(30));

        // then
        assertThat(before.state()).isEqualTo(PumpState.INFUSING);
        assertThat(before.alarms()).isEmpty();
        assertThat(after.state()).isEqualTo(PumpState.STOPPED);
        assertThat(after.alarms()).containsExactly(PumpAlarmCode.OCCL_DOWN);
        assertThat(after.programmeDeliveredMl()).isCloseTo(10.5, within(1e-6));
    }

    @Test
    void rateTenfoldRunsAt525MlPerHourAndEmptiesTheProgrammeIn4Minutes() {
        // when
        PumpSnapshot at4 = play("rate-tenfold", Duration.ofMinutes(4).plusSeconds(1));

        // then
        assertThat(at4.programme().rateMlPerHour()).isCloseTo(525.0, within(1e-6));
        assertThat(at4.programme().doseRate()).isCloseTo(7.5, within(1e-6));
        assertThat(at4.state()).isEqualTo(PumpState.COMPLETE);
        assertThat(at4.programmeDeliveredMl()).isEqualTo(35.0);
    }

    @Test
    void doorOpenStopsTheInfusionAtMinute20AndTheAlarmEndsWhenTheDoorCloses() {
        // when
        PumpSnapshot open = play("door-open", Duration.ofMinutes(20).plusSeconds(30));
        PumpSnapshot closed = play("door-open", Duration.ofMinutes(25));

        // then
        assertThat(open.state()).isEqualTo(PumpState.STOPPED);
        assertThat(open.alarms()).containsExactly(PumpAlarmCode.DOOR);
        assertThat(open.programmeDeliveredMl()).isCloseTo(17.5, within(1e-6));
        assertThat(closed.state()).isEqualTo(PumpState.STOPPED);
        assertThat(closed.alarms()).isEmpty();
    }

    @Test
    void stopsAnsweringAfter10MinutesWhileStillInfusing() {
        // given
        PumpScenario scenario = PumpScenarios.named("stops-answering", DOSE);
        ScenarioPlayer player = new ScenarioPlayer(scenario, new PumpModel(scenario.programme()));

        // then
        assertThat(player.silentAt(Duration.ofMinutes(9))).isFalse();
        assertThat(player.silentAt(Duration.ofMinutes(10))).isTrue();
        assertThat(play("stops-answering", Duration.ofMinutes(20)).state()).isEqualTo(PumpState.INFUSING);
    }

    @Test
    void refusesAnUnknownScenarioNamingTheKnownOnes() {
        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> PumpScenarios.named("bolus", DOSE))
                .withMessageContaining("normal, occlusion, rate-tenfold, door-open, stops-answering");
    }

    private static PumpSnapshot play(String name, Duration until) {
        PumpScenario scenario = PumpScenarios.named(name, DOSE);
        PumpModel model = new PumpModel(scenario.programme());
        new ScenarioPlayer(scenario, model).advanceTo(until);
        return model.snapshot();
    }
}
