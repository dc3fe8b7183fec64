package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.Vital;
import org.vigil.core.device.Device;
import org.vigil.query.RunningVigil;
import org.vigil.query.ingest.Admission;

/**
 * Snapshots on the production store: stored as bytea rows in {@code snapshot_event_entry}, never as PostgreSQL large
 * objects, and loaded after a restart with the events after them.
 */
class PostgresSnapshotsIT {

    private static final int THRESHOLD = 20;
    private static final int MESSAGES = 50;
    /** Messages carry fixed times, so that one sent again after the restart is the same message: a resend. */
    private static final Instant MESSAGES_FROM = Instant.now().minusSeconds(600);
    private static final DeviceId OXIMETER = new DeviceId("oximeter-loose");

    @TempDir
    Path data;

    @Test
    void aDeviceIsSnapshottedAsByteaAndLoadedFromItsSnapshotAfterARestart() {
        try (PostgresServer postgres = PostgresServer.start(data)) {
            // given a device without chair with more messages than the threshold
            try (RunningVigil vigil = start(postgres)) {
                for (int i = 1; i <= MESSAGES; i++) {
                    vigil.command(new RecordDeviceObservationsCommand(OXIMETER, null, spo2("D-" + i, i)));
                }

                // then its latest snapshot, fewer than the threshold from the end, is a bytea row
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(postgres.rows(
                        "select type, aggregate_identifier, sequence_number, payload_revision, "
                                + "pg_typeof(payload)::text as payload_column from snapshot_event_entry"))
                        .singleElement().satisfies(row -> {
                            assertThat(row.get("type")).isEqualTo("Device");
                            assertThat(row.get("aggregate_identifier")).isEqualTo(OXIMETER.value());
                            assertThat(((Number) row.get("sequence_number")).longValue())
                                    .isGreaterThan(MESSAGES - 1 - THRESHOLD);
                            assertThat(row.get("payload_revision")).isEqualTo("2");
                            assertThat(row.get("payload_column")).isEqualTo("bytea");
                        }));
                assertThat(postgres.value("select count(*) from pg_largeobject_metadata")).isEqualTo(0L);
            }

            // when Vigil starts again on the same database
            try (RunningVigil vigil = start(postgres)) {
                // then the device is loaded from its snapshot and fewer events than the threshold, and decides from it
                DomainEventStream stream = vigil.context().getBean(EventStore.class).readEvents(OXIMETER.value());
                DomainEventMessage<?> first = stream.next();
                assertThat(first.getPayload()).isInstanceOf(Device.class);
                assertThat(stream.asStream().count()).isLessThan(THRESHOLD);
                assertThat(vigil.<Object>command(new RecordDeviceObservationsCommand(OXIMETER, null,
                        spo2("D-3", 3)))).isEqualTo(Admission.DUPLICATE);
            }
        }
    }

    private static RunningVigil start(PostgresServer postgres) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
        arguments.addAll(RunningVigil.freePorts());
        arguments.addAll(RunningVigil.demoUsers());
        arguments.addAll(postgres.datasourceProperties());
        arguments.add("--vigil.snapshot-threshold=" + THRESHOLD);
        return RunningVigil.launch(arguments, builder -> { });
    }

    private static DeviceObservations spo2(String controlId, int second) {
        Instant at = MESSAGES_FROM.plusSeconds(second);
        return new DeviceObservations(OXIMETER, new MessageKey(OXIMETER.value(), controlId), at, at.plusMillis(20),
                List.of(Observation.of(Vital.SPO2, 96, at)));
    }
}
