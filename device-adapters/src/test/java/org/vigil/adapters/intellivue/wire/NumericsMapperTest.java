package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.adapters.intellivue.wire.MonitorMessage.Linked;
import org.vigil.adapters.intellivue.wire.MonitorMessage.NumericValue;
import org.vigil.adapters.intellivue.wire.MonitorMessage.PollResult;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

class NumericsMapperTest {

    private static final DeviceId MONITOR = new DeviceId("intellivue-chair-3");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant DEVICE_TIME = Instant.parse("2017-11-04T13:46:02.520Z");
    private static final Instant RECEIVED = Instant.parse("2017-11-04T13:46:03Z");

    @ParameterizedTest(name = "physio id {0} is {1}")
    @CsvSource({
            "4182, HEART_RATE",
            "4822, PULSE_RATE",
            "481A, PULSE_RATE",
            "4BB8, SPO2",
            "4A05, NIBP_SYSTOLIC",
            "4A06, NIBP_DIASTOLIC",
            "4A07, NIBP_MEAN",
            "482A, NIBP_PULSE_RATE",
            "500A, RESPIRATORY_RATE",
            "509C, ETCO2"})
    void mapsPhysioIdsToVigilVitals(String physioId, Vital vital) {
        // then
        assertThat(NumericsMapper.vitalOf(Integer.parseInt(physioId, 16))).hasValue(vital);
    }

    @ParameterizedTest(name = "physio id {0} is not mapped")
    @CsvSource({"480A", "4A15", "4BB0", "F0E5", "0000"})
    void leavesOtherPhysioIdsUnmapped(String physioId) {
        // then
        assertThat(NumericsMapper.vitalOf(Integer.parseInt(physioId, 16))).isEmpty();
    }

    @Test
    void mapsTheRealMonitorsNumericsWhenDemoDataIsAccepted() {
        // given
        NumericsMapper mapper = new NumericsMapper(MONITOR, PARIS, true);
        PollResult last = poll(TestBytes.capture(3));
        PollResult first = poll(TestBytes.capture(2));

        // when
        DeviceObservations vitals = mapper.map(last, DEVICE_TIME, RECEIVED, "a").orElseThrow();
        DeviceObservations pressure = mapper.map(first, DEVICE_TIME, RECEIVED, "b").orElseThrow();

        // then
        assertThat(vitals.observations())
                .extracting(Observation::mdcCode, Observation::value, Observation::unit, Observation::deviceTime)
                .containsExactly(
                        tuple(147842, 60.0, "/min", DEVICE_TIME),
                        tuple(151562, 15.0, "/min", DEVICE_TIME),
                        tuple(150456, 95.0, "%", DEVICE_TIME),
                        tuple(149530, 60.0, "/min", DEVICE_TIME));
        Instant nbpMeasured = Instant.parse("2017-11-04T13:45:00Z");
        assertThat(pressure.observations())
                .extracting(Observation::vital, Observation::value, Observation::deviceTime)
                .containsExactly(
                        tuple(Optional.of(Vital.NIBP_SYSTOLIC), 120.0, nbpMeasured),
                        tuple(Optional.of(Vital.NIBP_DIASTOLIC), 80.0, nbpMeasured),
                        tuple(Optional.of(Vital.NIBP_MEAN), 90.0, nbpMeasured));
        assertThat(vitals.deviceId()).isEqualTo(MONITOR);
        assertThat(vitals.messageKey().sender()).isEqualTo(MONITOR.value());
        assertThat(vitals.messageKey().controlId()).isEqualTo("a");
        assertThat(vitals.deviceTime()).isEqualTo(DEVICE_TIME);
        assertThat(vitals.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void reportsDemoDataAsNotAvailableByDefault() {
        // given
        NumericsMapper mapper = new NumericsMapper(MONITOR, PARIS, false);

        // when
        DeviceObservations vitals = mapper.map(poll(TestBytes.capture(3)), DEVICE_TIME, RECEIVED, "a").orElseThrow();

        // then
        assertThat(vitals.observations()).hasSize(4).noneMatch(Observation::available);
    }

    @Test
    void reportsSpecialValuesAndUnusableStatesAsNotAvailable() {
        // given
        NumericsMapper mapper = new NumericsMapper(MONITOR, PARIS, false);
        PollResult result = result(
                numeric(0x4182, 0x0000, 0x0AA0, 0x007FFFFF),
                numeric(0x4BB8, 0x8000, 0x0220, 97),
                numeric(0x500A, 0x4000, 0x0AE0, 12),
                numeric(0x4A05, 0x0000, 0x0F20, 0x00800000));

        // when
        DeviceObservations observations = mapper.map(result, DEVICE_TIME, RECEIVED, "x").orElseThrow();

        // then
        assertThat(observations.observations())
                .extracting(Observation::vital, Observation::value)
                .containsExactly(
                        tuple(Optional.of(Vital.HEART_RATE), null),
                        tuple(Optional.of(Vital.SPO2), null),
                        tuple(Optional.of(Vital.RESPIRATORY_RATE), null),
                        tuple(Optional.of(Vital.NIBP_SYSTOLIC), null));
    }

    @Test
    void convertsKilopascalToMillimetresOfMercury() {
        // given: 16.0 kPa
        NumericsMapper mapper = new NumericsMapper(MONITOR, PARIS, false);
        PollResult result = result(numeric(0x4A05, 0, 0x0F03, 0xFF0000A0));

        // when
        Observation systolic = mapper.map(result, DEVICE_TIME, RECEIVED, "x").orElseThrow().observations().get(0);

        // then
        assertThat(systolic.value()).isEqualTo(120.0);
        assertThat(systolic.unit()).isEqualTo("mm[Hg]");
    }

    @Test
    void dropsAValueInAUnitItCannotConvert() {
        // given: SpO2 as a fraction rather than percent
        NumericsMapper mapper = new NumericsMapper(MONITOR, PARIS, false);

        // then
        assertThat(mapper.map(result(numeric(0x4BB8, 0, 0x0200, 97)), DEVICE_TIME, RECEIVED, "x")).isEmpty();
    }

    @Test
    void keepsOneObservationPerVitalPreferringAnAvailableValue() {
        // given: the oximeter pulse twice, first not available
        NumericsMapper mapper = new NumericsMapper(MONITOR, PARIS, false);
        PollResult result = result(numeric(0x481A, 0, 0x0AA0, 0x007FFFFF), numeric(0x4822, 0, 0x0AA0, 72));

        // when
        List<Observation> observations = mapper.map(result, DEVICE_TIME, RECEIVED, "x").orElseThrow().observations();

        // then
        assertThat(observations).extracting(Observation::value).containsExactly(72.0);
    }

    @Test
    void producesNothingForAMessageWithoutKnownVitals() {
        // given
        NumericsMapper mapper = new NumericsMapper(MONITOR, PARIS, true);

        // then
        assertThat(mapper.map(poll(TestBytes.capture(4)), DEVICE_TIME, RECEIVED, "x")).isEmpty();
    }

    private static PollResult poll(byte[] payload) {
        return (PollResult) ((DecodeResult.Decoded) MonitorMessageDecoder.decode(payload)).message();
    }

    private static PollResult result(NumericValue... numerics) {
        return new PollResult(1, true, Linked.NONE, 1, 0, Optional.empty(), 6, List.of(numerics), 0, 0);
    }

    private static NumericValue numeric(int physioId, int state, int unit, int raw) {
        return new NumericValue(0, 1, physioId, state, unit, new FloatType(raw), Optional.empty());
    }
}
