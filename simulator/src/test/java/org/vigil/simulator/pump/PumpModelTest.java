package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PumpModelTest {

    private static final Programme KETAMINE_70_KG = PumpDose.ketamine(70, 1.0).programme();

    @Test
    void turnsTheDefaultKetamineDoseIntoAProgrammeOf35MlAt52AndAHalfMlPerHour() {
        // given: 0.5 mg/kg over 40 min for 70 kg at 1 mg/mL (docs/DOMAIN.md)
        PumpDose dose = PumpDose.ketamine(70, 1.0);

        // when
        Programme programme = dose.programme();

        // then
        assertThat(dose.doseMg()).isEqualTo(35.0);
        assertThat(programme.vtbiMl()).isCloseTo(35.0, within(1e-9));
        assertThat(programme.rateMlPerHour()).isCloseTo(52.5, within(1e-9));
        assertThat(programme.doseRate()).isCloseTo(0.75, within(1e-9));
        assertThat(programme.doseRateUnit()).isEqualTo("mg/kg/h");
    }

    @Test
    void infusesTheRateIntegratedOverTime() {
        // given
        PumpModel pump = started(KETAMINE_70_KG);

        // when
        pump.advanceTo(Duration.ofMinutes(20));

        // then
        PumpSnapshot snapshot = pump.snapshot();
        assertThat(snapshot.state()).isEqualTo(PumpState.INFUSING);
        assertThat(snapshot.programmeDeliveredMl()).isCloseTo(17.5, within(1e-9));
        assertThat(snapshot.timeRemaining()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void deliversTheSameVolumeInManySmallStepsAsInOne() {
        // given
        PumpModel stepped = started(KETAMINE_70_KG);
        PumpModel once = started(KETAMINE_70_KG);

        // when
        for (int ms = 0; ms <= 1_234_567; ms += 333) {
            stepped.advanceTo(Duration.ofMillis(ms));
        }
        stepped.advanceTo(Duration.ofMillis(1_234_567));
        once.advanceTo(Duration.ofMillis(1_234_567));

        // then
        assertThat(stepped.snapshot().programmeDeliveredMl()).isCloseTo(once.snapshot().programmeDeliveredMl(),
                within(1e-9));
    }

    @Test
    void completesExactlyAtTheVolumeToBeInfusedThenGoesToKvoAfterAMinute() {
        // given
        PumpModel pump = started(KETAMINE_70_KG);

        // when
        pump.advanceTo(Duration.ofMinutes(40).plusSeconds(30));
        PumpSnapshot complete = pump.snapshot();
        pump.advanceTo(Duration.ofMinutes(101));
        PumpSnapshot kvo = pump.snapshot();

        // then
        assertThat(complete.state()).isEqualTo(PumpState.COMPLETE);
        assertThat(complete.programmeDeliveredMl()).isEqualTo(35.0);
        assertThat(complete.alarms()).containsExactly(PumpAlarmCode.COMPLETE);
        assertThat(kvo.state()).isEqualTo(PumpState.KVO);
        assertThat(kvo.programmeDeliveredMl()).isEqualTo(35.0);
        assertThat(kvo.kvoDeliveredMl()).isCloseTo(1.0, within(1e-9));
        assertThat(pump.drainEvents()).extracting(PumpEvent::kind).containsExactly(
                PumpEvent.Kind.DELIVERY_STARTED, PumpEvent.Kind.DELIVERY_COMPLETED, PumpEvent.Kind.ALARM_RAISED,
                PumpEvent.Kind.KVO_STARTED);
    }

    @Test
    void recordsEachEventAtTheSimulatedTimeItHappened() {
        // given
        PumpModel pump = started(KETAMINE_70_KG);

        // when
        pump.advanceTo(Duration.ofHours(2));

        // then
        assertThat(pump.drainEvents()).extracting(event -> event.after().elapsed())
                .containsExactly(Duration.ZERO, Duration.ofMinutes(40), Duration.ofMinutes(40),
                        Duration.ofMinutes(41));
    }

    @Test
    void aHighPriorityAlarmStopsTheInfusionUntilClearedAndRestarted() {
        // given
        PumpModel pump = started(KETAMINE_70_KG);
        pump.advanceTo(Duration.ofMinutes(12));

        // when
        pump.raise(PumpAlarmCode.OCCL_DOWN);
        pump.advanceTo(Duration.ofMinutes(30));

        // then: 12 minutes at 52.5 mL/h, then nothing
        PumpSnapshot stopped = pump.snapshot();
        assertThat(stopped.state()).isEqualTo(PumpState.STOPPED);
        assertThat(stopped.programmeDeliveredMl()).isCloseTo(10.5, within(1e-9));
        assertThat(stopped.linePressureMmHg()).isGreaterThan(500);
        assertThat(pump.start()).isFalse();

        // when
        pump.clear(PumpAlarmCode.OCCL_DOWN);

        // then
        assertThat(pump.snapshot().state()).isEqualTo(PumpState.STOPPED);
        assertThat(pump.start()).isTrue();
    }

    @Test
    void aLowPriorityAlarmLetsTheInfusionRun() {
        // given
        PumpModel pump = started(KETAMINE_70_KG);

        // when
        pump.raise(PumpAlarmCode.BATT_LOW);
        pump.advanceTo(Duration.ofMinutes(10));

        // then
        assertThat(pump.snapshot().state()).isEqualTo(PumpState.INFUSING);
        assertThat(pump.snapshot().alarms()).containsExactly(PumpAlarmCode.BATT_LOW);
    }

    @Test
    void changesTheDoseRateInProportionToANewRate() {
        // given
        PumpModel pump = started(KETAMINE_70_KG);

        // when
        pump.setRate(105);

        // then
        assertThat(pump.snapshot().programme().doseRate()).isCloseTo(1.5, within(1e-9));
        assertThat(pump.drainEvents()).extracting(PumpEvent::kind)
                .containsExactly(PumpEvent.Kind.DELIVERY_STARTED, PumpEvent.Kind.RATE_CHANGED);
    }

    private static PumpModel started(Programme programme) {
        PumpModel pump = new PumpModel(programme);
        assertThat(pump.start()).isTrue();
        return pump;
    }
}
