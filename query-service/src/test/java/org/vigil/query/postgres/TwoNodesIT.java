package org.vigil.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes on one PostgreSQL event store (docs/DESIGN.md, "Runtime": more than one machine). Both take
 * every global index from the one database sequence, so their events interleave without gaps; with Hibernate's
 * default allocation of 50 the second node would start its own block at 51.
 */
class TwoNodesIT {

    @TempDir
    Path data;

    @Test
    void eventsCommittedByTwoNodesInTurnAreNumberedOneByOneAndEachNodeReadsThemAll() {
        try (PostgresServer postgres = PostgresServer.start(data);
             VigilOnPostgres first = VigilOnPostgres.start(postgres);
             VigilOnPostgres second = VigilOnPostgres.start(postgres)) {
            // given two nodes started on an empty store
            assertThat(first.storedEvents()).isZero();

            // when
            first.startSession("chair-1", 120, 80);
            second.startSession("chair-2", 125, 78);
            first.startSession("chair-3", 130, 82);
            second.startSession("chair-4", 118, 76);

            // then
            List<Long> indexes = postgres.rows("select global_index from domain_event_entry order by global_index")
                    .stream().map(row -> (Long) row.get("global_index")).toList();
            assertThat(indexes).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i)).as("global index of stored event %d", i + 1).isEqualTo(i + 1L);
            }
            assertThat(first.storedEvents()).isEqualTo(indexes.size());
            assertThat(second.storedEvents()).isEqualTo(indexes.size());
        }
    }
}
