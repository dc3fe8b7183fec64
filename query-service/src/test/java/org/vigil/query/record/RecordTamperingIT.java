package org.vigil.query.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.live.StationConditions;
import org.vigil.query.record.RecordTampering.Place;

/**
 * The tamper-evident record on the embedded SQLite store: an insider edits one stored event and deletes another
 * in the database file while Vigil runs; {@code GET /api/record/verify}, the scheduled verification (station
 * condition and gauge) and the {@code verify-record} command name exactly those two.
 */
class RecordTamperingIT {

    private static final List<String> EVERY_SECOND = List.of("--vigil.record.verify.interval=1s",
            "--vigil.record.verify.full-interval=1s");

    @TempDir
    Path data;

    @Test
    void anEditedAndADeletedEventAreNamedByTheApiTheStationAndTheCommand() throws Exception {
        Place edited;
        Place deleted;
        try (RunningVigil vigil = RunningVigil.startWith(data, EVERY_SECOND)) {
            // given a record with a session in it, verified intact
            SessionId session = vigil.startSession("chair-1", 120, 80);
            vigil.startSession("chair-2", 130, 85);
            for (String note : List.of("Patient calm", "Dissociation mild", "Resting")) {
                vigil.command(new AddSessionNoteCommand(session, note, "nurse", Instant.now()));
            }
            JsonNode intact = vigil.get("/api/record/verify", "director");
            assertThat(intact.path("intact").asBoolean()).isTrue();
            assertThat(intact.path("findingsTotal").asInt()).isZero();
            assertThat(intact.path("hashedFrom").asLong()).isEqualTo(1);
            assertThat(vigil.send("GET", "/api/record/verify", "nurse", null).statusCode()).isEqualTo(403);

            // when an insider edits one event and deletes another in the database file
            try (Connection insider = DriverManager.getConnection(sqlite())) {
                List<Place> notes = RecordTampering.events(insider).stream()
                        .filter(event -> event.aggregate().equals(session.value())).toList();
                assertThat(notes).extracting(Place::sequence).containsExactly(0L, 1L, 2L, 3L);
                edited = notes.get(1);
                deleted = notes.get(2);
                RecordTampering.edit(insider, edited);
                RecordTampering.delete(insider, deleted);
            }

            // then verification names exactly those two
            JsonNode found = vigil.get("/api/record/verify", "engineer");
            assertThat(found.path("intact").asBoolean()).isFalse();
            assertThat(found.path("findingsTotal").asInt()).isEqualTo(2);
            RecordTampering.assertFinding(found.path("findings").get(0), "ALTERED", edited);
            RecordTampering.assertFinding(found.path("findings").get(1), "DELETED", deleted);
            RecordTampering.assertFinding(found.path("first"), "ALTERED", edited);

            // and the scheduled verification shows it on the station and in Prometheus
            StationConditions conditions = vigil.context().getBean(StationConditions.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(conditions.active())
                    .anySatisfy(condition -> {
                        assertThat(condition.id()).isEqualTo("record-altered");
                        assertThat(condition.detail()).contains("found 2 altered, inserted or deleted events",
                                "altered event of " + edited.aggregate());
                    }));
            assertThat(vigil.send("GET", "/actuator/prometheus", "engineer", null).body())
                    .contains("vigil_record_findings 2.0");
        }

        // and the command names them too, Vigil stopped
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new VerifyRecordCommand()).setOut(new PrintWriter(out));
        assertThat(command.execute("--url", sqlite())).isOne();
        assertThat(out.toString()).contains("Record ALTERED: 2 altered, inserted or deleted events",
                "altered event of " + edited.aggregate() + ", sequence number " + edited.sequence()
                        + ", global index " + edited.globalIndex(),
                "deleted event of " + deleted.aggregate() + ", sequence number " + deleted.sequence()
                        + ", global index " + deleted.globalIndex());
    }

    @Test
    void eventsStoredBeforeHashingAreCountedAndTheChainStartsAfterThem() throws Exception {
        // given a store written before events were hashed
        try (RunningVigil vigil = RunningVigil.start(data)) {
            vigil.startSession("chair-1", 120, 80);
        }
        long before;
        try (Connection connection = DriverManager.getConnection(sqlite());
             Statement statement = connection.createStatement()) {
            statement.execute("drop table event_hash");
            statement.execute("drop table record_chain_start");
            before = RecordTampering.events(connection).size();
        }

        try (RunningVigil vigil = RunningVigil.start(data)) {
            // when Vigil stores events again
            vigil.startSession("chair-2", 120, 80);

            // then the chain starts at the first event it stored, and the older events are counted
            JsonNode verified = vigil.get("/api/record/verify", "director");
            assertThat(verified.path("intact").asBoolean()).isTrue();
            assertThat(verified.path("eventsBeforeHashes").asLong()).isEqualTo(before);
            assertThat(verified.path("hashedFrom").asLong()).isEqualTo(before + 1);

            // and an event deleted among the older ones is found by their count
            try (Connection insider = DriverManager.getConnection(sqlite())) {
                RecordTampering.delete(insider, RecordTampering.events(insider).get(0));
            }
            JsonNode found = vigil.get("/api/record/verify", "director");
            assertThat(found.path("findingsTotal").asInt()).isOne();
            assertThat(found.path("first").path("kind").asText()).isEqualTo("DELETED");
            assertThat(found.path("first").path("detail").asText())
                    .isEqualTo(before + " events were stored before hashing began (global index " + (before + 1)
                            + "), " + (before - 1) + " are now");
        }
    }

    private String sqlite() {
        return "jdbc:sqlite:" + data.resolve("vigil.db").toAbsolutePath() + "?busy_timeout=10000";
    }
}
