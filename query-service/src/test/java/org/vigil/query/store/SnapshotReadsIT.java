package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;

/**
 * On the embedded store the aggregate snapshotter reads an aggregate's latest snapshot and its events after it
 * through a read-only connection of its own ({@link SnapshotReads}): what the event store's {@code readEvents}
 * gives, while the store's one pooled connection is held by a write.
 */
class SnapshotReadsIT {

    private static final int THRESHOLD = 5;

    @TempDir
    Path data;

    @Test
    void theSnapshotAndTheEventsAfterItAreReadBesideAWriteOnTheStoresOneConnection() throws Exception {
        try (RunningVigil vigil = RunningVigil.startWith(data, List.of("--vigil.snapshot-threshold=" + THRESHOLD))) {
            // given a session snapshotted once its notes passed the threshold, and notes after the snapshot
            SessionId session = vigil.startSession("chair-1", 120, 80);
            for (int n = 0; n < 2 * THRESHOLD; n++) {
                vigil.command(new AddSessionNoteCommand(session, "note " + n, "nurse", Instant.now()));
            }
            EventStore eventStore = vigil.context().getBean(EventStore.class);
            long last = eventStore.lastSequenceNumberFor(session.value()).orElseThrow();
            JdbcTemplate rows = new JdbcTemplate(vigil.context().getBean(DataSource.class));
            await().atMost(Duration.ofSeconds(20)).until(() -> rows.queryForObject(
                    "select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                    Long.class, session.value()), snapshot -> snapshot != null && snapshot > last - THRESHOLD);
            List<DomainEventMessage<?>> expected = all(eventStore.readEvents(session.value()));
            assertThat(expected.get(0).getType()).isEqualTo("Session");
            assertThat(expected.get(0).getPayload().getClass().getSimpleName()).isEqualTo("Session");
            assertThat(expected.size()).isLessThan(2 * THRESHOLD);

            SnapshotReads reads = vigil.context().getBean(SnapshotReads.class);
            assertThat(reads.ownConnections()).isTrue();
            try (Connection pooled = vigil.context().getBean(DataSource.class).getConnection()) {
                // when the pool's one connection is held by a write
                writing(pooled);

                // then the snapshotter reads what the event store gives, without waiting for it
                List<DomainEventMessage<?>> read = CompletableFuture
                        .supplyAsync(() -> reads.withEvents(session.value(), SnapshotReadsIT::all))
                        .get(10, TimeUnit.SECONDS);
                assertThat(read).hasSameSizeAs(expected);
                for (int n = 0; n < read.size(); n++) {
                    assertThat(read.get(n).getIdentifier()).isEqualTo(expected.get(n).getIdentifier());
                    assertThat(read.get(n).getSequenceNumber()).isEqualTo(expected.get(n).getSequenceNumber());
                    assertThat(read.get(n).getPayloadType()).isEqualTo(expected.get(n).getPayloadType());
                }
                for (int n = 0; n < read.size(); n++) {
                    assertThat(read.get(n).getPayload()).usingRecursiveComparison()
                            .isEqualTo(expected.get(n).getPayload());
                }
                pooled.rollback();
            }
        }
    }

    private static List<DomainEventMessage<?>> all(DomainEventStream stream) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return events;
    }

    /** Starts a write transaction on the connection, which then holds SQLite's write lock until it ends. */
    private static void writing(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from domain_event_entry where global_index < 0");
        }
    }
}
