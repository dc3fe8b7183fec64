package org.vigil.query.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.RunningVigil;

/**
 * The command side's record of which session runs at each chair, in the {@code chair_occupancy} table of the
 * embedded store: written with the session's start and end, read again after a restart, and filled once from the
 * stored events in a database that had sessions before the table existed.
 */
class ChairOccupancyIT {

    @TempDir
    Path data;

    @Test
    void aStartedSessionHoldsItsChairUntilItEndsAndTheRecordSurvivesARestart() {
        SessionId first;
        SessionId second;
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given
            first = vigil.startSession("chair-1", 120, 80);
            second = vigil.startSession("chair-2", 125, 78);

            // when
            vigil.command(new EndSessionCommand(second, "done", Instant.now()));

            // then
            assertThat(occupancy(vigil).running()).containsExactly(Map.entry(new ChairId("chair-1"), first));
            assertThat(occupancy(vigil).sessionAt(new ChairId("chair-2"))).isEmpty();
            assertThat(rows(vigil)).contains(Map.entry("chair-1", first.value()));
            assertThat(rows(vigil)).doesNotContainKey("chair-2");
        }

        // when the application starts again on the same store
        try (RunningVigil restarted = RunningVigil.start(data)) {
            // then
            assertThat(occupancy(restarted).sessionAt(new ChairId("chair-1"))).contains(first);
            assertThat(occupancy(restarted).running()).hasSize(1);
        }
    }

    @Test
    void aDatabaseWithSessionsButNoOccupancyRowsIsFilledOnceFromTheStore() {
        SessionId running;
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given a store with one session ended and one running, as a database from before the table existed
            SessionId ended = vigil.startSession("chair-3", 120, 80);
            vigil.command(new EndSessionCommand(ended, "done", Instant.now()));
            running = vigil.startSession("chair-4", 125, 78);
            jdbc(vigil).update("delete from chair_occupancy");
        }

        // when
        try (RunningVigil restarted = RunningVigil.start(data)) {
            // then
            assertThat(occupancy(restarted).running()).containsExactly(Map.entry(new ChairId("chair-4"), running));
            assertThat(rows(restarted)).containsOnly(Map.entry("chair-4", running.value()));
            assertThat(jdbc(restarted).queryForObject("select count(*) from chair_occupancy", Long.class))
                    .as("a row for every configured chair, so the scan is never repeated")
                    .isGreaterThanOrEqualTo(6);
        }
    }

    private static ChairOccupancy occupancy(RunningVigil vigil) {
        return vigil.context().getBean(ChairOccupancy.class);
    }

    /** The occupied rows of the table: chair → session. */
    private static Map<String, String> rows(RunningVigil vigil) {
        List<Map<String, Object>> rows = jdbc(vigil).queryForList(
                "select chair_id, session_id from chair_occupancy where session_id is not null");
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> (String) r.get("chair_id"),
                r -> (String) r.get("session_id")));
    }

    private static JdbcTemplate jdbc(RunningVigil vigil) {
        return new JdbcTemplate(vigil.context().getBean(DataSource.class));
    }
}
