package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.store.EventSerializers;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.SimulatorStatistics;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The production profile end to end (docs/DESIGN.md, "Runtime"): a simulated monitor sends IHE PCD-01 over MLLP into
 * Vigil running on a real PostgreSQL server; the events are stored as bytea rows numbered one by one, and a
 * restart on the same database finds every event and rebuilds the chair view with the same alarm.
 */
class PostgresEventStoreIT {

    private static final String CHAIR = "chair-1";

    @TempDir
    Path data;

    @Test
    void severeHypertensionIsStoredInPostgresAsByteaWithConsecutiveGlobalIndexesAndSurvivesARestart() {
        try (PostgresServer postgres = PostgresServer.start(data)) {
            List<String> activeAlarmIds;
            long storedBeforeRestart;
            List<Map<String, Object>> constraintsBeforeRestart;
            try (VigilOnPostgres vigil = VigilOnPostgres.start(postgres, "sim-monitor-01=" + CHAIR)) {
                // given
                vigil.startSession(CHAIR, 125, 78);
                ClinicSimulator simulator = new ClinicSimulator(
                        List.of(MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, 21)), "127.0.0.1",
                        vigil.mllpPort(), Clock.systemUTC(), 4.0);

                // when
                simulator.start();
                try {
                    await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                            assertThat(activeAlarms(vigil.get("/api/chairs")))
                                    .anySatisfy(alarm -> {
                                        assertThat(alarm.path("rule").asText()).isEqualTo("severe-hypertension");
                                        assertThat(alarm.path("priority").asText()).isEqualTo("HIGH");
                                    }));
                } finally {
                    simulator.stop();
                }

                // then every message was accepted and stored as plain bytea rows, numbered one by one
                SimulatorStatistics statistics = simulator.statistics();
                assertThat(statistics.total().sent()).isGreaterThan(5);
                assertThat(statistics.total().hasFailures()).as("no AE, AR or unanswered message").isFalse();
                // the monitor stops mid-stream: at most the message it had on the wire is left unanswered
                assertThat(statistics.total().accepted())
                        .isBetween(statistics.total().sent() - 1, statistics.total().sent());

                // the message the monitor had on the wire when it stopped may still be on its way into the store
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(globalIndexes(postgres)).hasSize((int) vigil.storedEvents()));
                assertThat(vigil.storedEvents()).isGreaterThan(statistics.total().sent());
                assertThat(postgres.value("select count(*) from pg_largeobject_metadata")).isEqualTo(0L);
                assertThat(postgres.value("select pg_typeof(payload)::text from domain_event_entry limit 1"))
                        .isEqualTo("bytea");
                // the stored form is compressed JSON, which the store's serializer reads back
                assertThat(postgres.rows("select payload from domain_event_entry "
                        + "where payload_type like '%AlarmRaised%'"))
                        .isNotEmpty()
                        .anySatisfy(row -> assertThat(EventSerializers.store().getConverter()
                                .convert(row.get("payload"), byte[].class, JsonNode.class).path("rule").asText())
                                .isEqualTo("severe-hypertension"));

                activeAlarmIds = activeAlarms(vigil.get("/api/chairs")).stream()
                        .map(alarm -> alarm.path("alarmId").asText()).toList();
                constraintsBeforeRestart = domainEventConstraints(postgres);
            }
            // the stopped application's record, every event numbered one by one
            List<Long> indexesBeforeRestart = globalIndexes(postgres);
            assertConsecutiveFromOne(indexesBeforeRestart);
            storedBeforeRestart = indexesBeforeRestart.size();

            // when the application restarts on the same database
            try (VigilOnPostgres restarted = VigilOnPostgres.start(postgres, "sim-monitor-01=" + CHAIR)) {
                // then every event is still there and the chair view is rebuilt from them
                assertThat(restarted.storedEvents()).isEqualTo(storedBeforeRestart);
                assertThat(activeAlarms(restarted.get("/api/chairs")))
                        .extracting(alarm -> alarm.path("alarmId").asText())
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(activeAlarmIds);
                assertThat(domainEventConstraints(postgres)).isEqualTo(constraintsBeforeRestart);
            }
        }
    }

    private static List<Long> globalIndexes(PostgresServer postgres) {
        return postgres.rows("select global_index from domain_event_entry order by global_index").stream()
                .map(row -> (Long) row.get("global_index"))
                .toList();
    }

    private static void assertConsecutiveFromOne(List<Long> indexes) {
        for (int i = 0; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).as("global index of stored event %d", i + 1).isEqualTo(i + 1L);
        }
    }

    /** The unique constraints that guard the event stream, with their identities: a restart must not recreate them. */
    private static List<Map<String, Object>> domainEventConstraints(PostgresServer postgres) {
        return postgres.rows("select oid::bigint as id, conname, contype from pg_constraint "
                + "where conrelid = 'domain_event_entry'::regclass order by conname");
    }

    private static List<JsonNode> activeAlarms(JsonNode chairs) {
        JsonNode chair = StreamSupport.stream(chairs.spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(CHAIR))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + CHAIR + " in " + chairs));
        return StreamSupport.stream(chair.path("activeAlarms").spliterator(), false).toList();
    }
}
