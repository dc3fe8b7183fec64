package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.record.RecordTampering;
import org.vigil.query.record.RecordTampering.Place;

/**
 * The record on PostgreSQL as the documented setup runs it ({@code db/postgres-append-only-record.sql}): Vigil
 * works as a role that may not update or delete events, and verification names the one event an insider with
 * more rights edited and the one they deleted.
 */
class AppendOnlyRecordOnPostgresIT {

    @TempDir
    Path data;

    @Test
    void theApplicationRoleAppendsButCannotChangeEventsAndAnInsidersChangesAreNamed() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(data)) {
            // given the two roles, Vigil's tables created by the owner, and the script run
            execute(postgres, "postgres", "create role vigil_owner login; create role vigil_app login; "
                    + "grant create on schema public to vigil_owner");
            try (RunningVigil owner = start(postgres, "vigil_owner")) {
                owner.startSession("chair-1", 120, 80);
            }
            execute(postgres, "vigil_owner", script());

            SessionId session;
            try (RunningVigil vigil = start(postgres, "vigil_app")) {
                // when Vigil runs as the application role, then it stores events and its read models follow
                session = vigil.startSession("chair-2", 125, 82);
                for (String note : List.of("Patient calm", "Dissociation mild", "Resting")) {
                    vigil.command(new AddSessionNoteCommand(session, note, "nurse", Instant.now()));
                }
                vigil.awaitReadModels();
                assertThat(vigil.get("/api/record/verify", "director").path("intact").asBoolean()).isTrue();

                // and the application role may neither update nor delete an event
                for (String change : List.of("update domain_event_entry set payload = payload",
                        "delete from domain_event_entry", "update event_hash set hash = hash")) {
                    assertThatThrownBy(() -> execute(postgres, "vigil_app", change))
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied")
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                }

                // when an insider with the superuser's rights edits one event and deletes another
                Place edited;
                Place deleted;
                try (Connection insider = connect(postgres, "postgres")) {
                    List<Place> notes = RecordTampering.events(insider).stream()
                            .filter(event -> event.aggregate().equals(session.value())).toList();
                    assertThat(notes).extracting(Place::sequence).containsExactly(0L, 1L, 2L, 3L);
                    edited = notes.get(2);
                    deleted = notes.get(1);
                    RecordTampering.edit(insider, edited);
                    RecordTampering.delete(insider, deleted);
                }

                // then verification names exactly those two
                JsonNode found = vigil.get("/api/record/verify", "engineer");
                assertThat(found.path("findingsTotal").asInt()).isEqualTo(2);
                RecordTampering.assertFinding(found.path("findings").get(0), "DELETED", deleted);
                RecordTampering.assertFinding(found.path("findings").get(1), "ALTERED", edited);
            }
        }
    }

    private static RunningVigil start(PostgresServer postgres, String role) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
        arguments.addAll(RunningVigil.freePorts());
        arguments.addAll(RunningVigil.demoUsers());
        arguments.addAll(List.of("--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + role, "--spring.datasource.password="));
        return RunningVigil.launch(arguments, builder -> { });
    }

    private static String script() throws IOException {
        try (InputStream in = AppendOnlyRecordOnPostgresIT.class.getResourceAsStream(
                "/db/postgres-append-only-record.sql")) {
            assertThat(in).as("db/postgres-append-only-record.sql on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Connection connect(PostgresServer postgres, String role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), role, "");
    }

    private static void execute(PostgresServer postgres, String role, String sql) throws SQLException {
        try (Connection connection = connect(postgres, role); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
