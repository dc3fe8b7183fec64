package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterSnapshotsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00.123456Z");

    @Test
    void everyVigilMeterIsOnePointNamedWithUnderscoresTaggedWithItsTagsAndTheInstance() {
        // given
        MeterRegistry meters = new SimpleMeterRegistry();
        Counter.builder("vigil.mllp.failures").tag("kind", "decode").register(meters).increment(3);
        Gauge.builder("vigil.influx.lag.events", () -> 17).register(meters);
        Counter.builder("jvm.something").register(meters).increment();
        MeterSnapshots snapshots = new MeterSnapshots(meters, null, Clock.fixed(NOW, ZoneOffset.UTC),
                null, "node-1");

        // when
        List<InfluxPoint> points = snapshots.snapshot();

        // then
        assertThat(points).extracting(InfluxPoint::measurement)
                .containsExactlyInAnyOrder("vigil_mllp_failures", "vigil_influx_lag_events");
        assertThat(points).filteredOn(p -> p.measurement().equals("vigil_mllp_failures")).singleElement()
                .satisfies(p -> {
                    assertThat(p.tags()).containsEntry("kind", "decode").containsEntry("instance", "node-1");
                    assertThat(p.fields()).containsEntry("count", 3.0);
                    assertThat(p.time()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123Z"));
                });
        assertThat(points).filteredOn(p -> p.measurement().equals("vigil_influx_lag_events")).singleElement()
                .satisfies(p -> assertThat(p.fields()).containsEntry("value", 17.0));
    }
}
