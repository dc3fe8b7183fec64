package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;

class ObservationPointsTest {

    private static final Instant DEVICE_TIME = Instant.parse("2026-03-02T09:30:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:30:02.250Z");
    private static final Instant RECORDED = Instant.parse("2026-03-02T09:30:02.262Z");

    @Test
    void everyAvailableValueIsOnePointAtTheDevicesTimeTaggedWithChairSessionDeviceCodeAndVital() {
        // given
        ObservationsRecordedEvent event = event(DEVICE_TIME, List.of(
                Observation.of(Vital.NIBP_SYSTOLIC, 187, null),
                Observation.of(Vital.HEART_RATE, 96, DEVICE_TIME.minusSeconds(1)),
                Observation.notAvailable(Vital.SPO2, null)));

        // when
        List<InfluxPoint> points = ObservationPoints.of(event, RECORDED);

        // then
        assertThat(points).filteredOn(p -> p.measurement().equals("observation")).containsExactly(
                new InfluxPoint("observation", Map.of("chair", "chair-3", "session", "s-1",
                        "device", "monitor-7", "code", "150021", "vital", "NIBP_SYSTOLIC"),
                        Map.of("value", 187.0), DEVICE_TIME),
                new InfluxPoint("observation", Map.of("chair", "chair-3", "session", "s-1",
                        "device", "monitor-7", "code", "147842", "vital", "HEART_RATE"),
                        Map.of("value", 96.0), DEVICE_TIME.minusSeconds(1)));
    }

    @Test
    void aMessageWithoutDeviceTimeIsStampedWithTheReceiveTime() {
        // given
        ObservationsRecordedEvent event = event(null, List.of(Observation.of(Vital.SPO2, 97, null)));

        // when
        List<InfluxPoint> points = ObservationPoints.of(event, RECORDED);

        // then
        assertThat(points).allSatisfy(p -> assertThat(p.time()).isEqualTo(RECEIVED));
        assertThat(points).filteredOn(p -> p.measurement().equals("device_message")).singleElement()
                .satisfies(p -> assertThat(p.fields()).doesNotContainKey("clock_offset_s"));
    }

    @Test
    void theDeviceMessagePointCountsValuesAndKeepsTheClockOffsetAndStoreLatency() {
        // given
        ObservationsRecordedEvent event = event(DEVICE_TIME, List.of(
                Observation.of(Vital.HEART_RATE, 80, null), Observation.notAvailable(Vital.SPO2, null)));

        // when
        InfluxPoint message = ObservationPoints.of(event, RECORDED).stream()
                .filter(p -> p.measurement().equals("device_message")).findFirst().orElseThrow();

        // then
        assertThat(message.time()).isEqualTo(RECEIVED);
        assertThat(message.tags()).containsEntry("device", "monitor-7").containsEntry("chair", "chair-3")
                .containsEntry("session", "s-1");
        assertThat(message.fields()).containsEntry("values", 1L).containsEntry("missing", 1L)
                .containsEntry("clock_offset_s", 2.25).containsEntry("store_ms", 12.0);
    }

    @Test
    void aDeviceWithoutChairOrSessionLeavesThoseTagsOut() {
        // given
        ObservationsRecordedEvent event = new ObservationsRecordedEvent(null, null, new DeviceId("stray"),
                new MessageKey("stray", "1"), DEVICE_TIME, RECEIVED, List.of(Observation.of(Vital.SPO2, 95, null)));

        // when
        List<InfluxPoint> points = ObservationPoints.of(event, RECORDED);

        // then
        assertThat(points).allSatisfy(p -> assertThat(p.tags()).doesNotContainKeys("chair", "session")
                .containsEntry("device", "stray"));
    }

    @Test
    void aCodeVigilDoesNotKnowIsNamedByTheDevicesLabel() {
        // given
        ObservationsRecordedEvent event = event(DEVICE_TIME,
                List.of(new Observation(188736, "MDC_TEMP_BODY", 36.8, "Cel", null)));

        // when
        InfluxPoint point = ObservationPoints.of(event, RECORDED).get(0);

        // then
        assertThat(point.tags()).containsEntry("code", "188736").containsEntry("vital", "MDC_TEMP_BODY");
    }

    private static ObservationsRecordedEvent event(Instant deviceTime, List<Observation> observations) {
        return new ObservationsRecordedEvent(new SessionId("s-1"), new ChairId("chair-3"), new DeviceId("monitor-7"),
                new MessageKey("monitor-7", "42"), deviceTime, RECEIVED, observations);
    }
}
