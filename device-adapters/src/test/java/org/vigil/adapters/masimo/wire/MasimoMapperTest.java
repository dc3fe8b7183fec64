package org.vigil.adapters.masimo.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_5;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_7;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_7_RAINBOW;
import static org.vigil.adapters.masimo.wire.GoldenLines.SENSOR_OFF;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;

class MasimoMapperTest {

    private static final DeviceId OXIMETER = DeviceId.of("chair-1-spo2");
    private static final MessageKey KEY = new MessageKey("chair-1-spo2", "x-1");
    private static final Instant RECEIVED = Instant.parse("2026-11-03T08:14:03Z");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void mapsSpo2PulseRateAndPerfusionIndexAtTheDeviceTimeBesideTheReceiveTime() {
        // when
        DeviceObservations observations = map(RADICAL_7);

        // then: 09:14:02 in Amsterdam is 08:14:02 UTC
        Instant deviceTime = Instant.parse("2026-11-03T08:14:02Z");
        assertThat(observations.deviceTime()).isEqualTo(deviceTime);
        assertThat(observations.receivedAt()).isEqualTo(RECEIVED);
        assertThat(observations.observations()).containsExactly(
                new Observation(150456, "MDC_PULS_OXIM_SAT_O2", 97.0, "%", deviceTime),
                new Observation(149530, "MDC_PULS_OXIM_PULS_RATE", 84.0, "/min", deviceTime),
                new Observation(150448, "MDC_PULS_OXIM_PERF_REL", 2.1, "%", deviceTime),
                new Observation(0, "MASIMO_SPCO", null, "%", deviceTime),
                new Observation(0, "MASIMO_SPMET", null, "%", deviceTime));
    }

    @Test
    void recordsSpcoAndSpmetWhenPresentAndLeavesThemOutWhenTheModelHasNone() {
        assertThat(map(RADICAL_7_RAINBOW).observations()).extracting(Observation::label, Observation::value)
                .contains(tuple("MASIMO_SPCO", 1.0),
                        tuple("MASIMO_SPMET", 0.5));
        assertThat(map(RADICAL_5).observations()).extracting(Observation::label)
                .containsExactly("MDC_PULS_OXIM_SAT_O2", "MDC_PULS_OXIM_PULS_RATE", "MDC_PULS_OXIM_PERF_REL");
    }

    @Test
    void dashesAreNotAvailable() {
        assertThat(map(SENSOR_OFF).observations()).allSatisfy(o -> assertThat(o.available()).isFalse());
    }

    @Test
    void zerosWithTheSensorOffAreNotAvailableEither() {
        // when: the Rad-8 writes zeros, not dashes, when it has no value
        DeviceObservations observations = map(RADICAL_7.replace("SPO2=097%", "SPO2=000%")
                .replace("BPM=084", "BPM=000").replace("PI=02.10%", "PI=00.00%"));

        // then
        assertThat(observations.observations()).allSatisfy(o -> assertThat(o.available()).isFalse());
    }

    @Test
    void aSensorFaultMakesTheDigitsOfTheLineUntrusted() {
        // when: "defective sensor" with digits still in the fields
        DeviceObservations observations = map(RADICAL_7.replace("EXC=000000", "EXC=000002"));

        // then
        assertThat(observations.observations()).allSatisfy(o -> assertThat(o.available()).isFalse());
    }

    @Test
    void lowPerfusionKeepsTheValues() {
        // when
        DeviceObservations observations = map(RADICAL_7.replace("EXC=000000", "EXC=000004"));

        // then
        assertThat(observations.observations().get(0).value()).isEqualTo(97.0);
    }

    @Test
    void turnsTheBitFieldsIntoTechnicalConditions() {
        // when
        Set<MasimoCondition> conditions = MasimoCondition.of(reading(RADICAL_7.replace("ALARM=0000", "ALARM=0043")
                .replace("EXC=000000", "EXC=000824")));

        // then: SpO2 low (0x02) and SpO2 high (0x01) are the patient's and Vigil decides those itself
        assertThat(conditions).extracting(MasimoCondition::code).containsExactly(
                "masimo-low-battery", "masimo-low-perfusion", "masimo-sensor-off");
    }

    @Test
    void aConditionStartsWhenItAppearsAndEndsWhenItGoes() {
        // given
        Set<MasimoCondition> before = MasimoCondition.of(reading(SENSOR_OFF));
        Set<MasimoCondition> now = new TreeSet<>(MasimoCondition.of(reading(
                RADICAL_7.replace("EXC=000000", "EXC=000004"))));

        // when
        DeviceAlarmReport started = MasimoMapper.condition(MasimoMapper.started(before, now).get(0),
                AlarmPhase.START, OXIMETER, KEY, RECEIVED, RECEIVED);

        // then
        assertThat(MasimoMapper.ended(before, now)).extracting(MasimoCondition::code)
                .containsExactly("masimo-sensor-off");
        assertThat(started.alarmCode()).isEqualTo("masimo-low-perfusion");
        assertThat(started.text()).isEqualTo("Low perfusion");
        assertThat(started.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(started.priority()).isEqualTo(AlarmPriority.LOW);
        assertThat(started.phase()).isEqualTo(AlarmPhase.START);
    }

    private static DeviceObservations map(String line) {
        return MasimoMapper.observations(reading(line), OXIMETER, KEY, RECEIVED, AMSTERDAM);
    }

    private static MasimoReading reading(String line) {
        return ((MasimoDecodeResult.Decoded) MasimoLineDecoder.decode(line)).reading();
    }
}
