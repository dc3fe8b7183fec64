package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.SessionId;

/** The chair occupancy table on PostgreSQL: written with the session's start, read again after a restart. */
class ChairOccupancyOnPostgresIT {

    @TempDir
    Path data;

    @Test
    void aStartedSessionIsRecordedAtItsChairAndFoundAgainAfterARestart() {
        try (PostgresServer postgres = PostgresServer.start(data)) {
            SessionId session;
            try (VigilOnPostgres vigil = VigilOnPostgres.start(postgres)) {
                // when
                session = vigil.startSession("chair-2", 120, 80);

                // then
                assertThat(postgres.rows("select chair_id, session_id from chair_occupancy "
                        + "where session_id is not null"))
                        .containsExactly(Map.of("chair_id", "chair-2", "session_id", session.value()));
            }

            // when the application starts again on the same database
            try (VigilOnPostgres restarted = VigilOnPostgres.start(postgres)) {
                // then
                assertThat(restarted.runningSessions()).containsExactly(Map.entry("chair-2", session.value()));
            }
        }
    }
}
