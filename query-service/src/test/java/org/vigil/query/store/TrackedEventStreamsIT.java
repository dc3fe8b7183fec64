package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;

/**
 * On the embedded store the read models' processor reads the record through a read-only connection of its own
 * ({@link TrackedEventStreams}): it gets the events and tokens the event store gives, while the store's one pooled
 * connection is held by a write, and it follows the head of the store.
 */
class TrackedEventStreamsIT {

    @TempDir
    Path data;

    @Test
    void theEventsAndTokensOfTheEventStoreAreReadBesideAWriteOnTheStoresOneConnection() throws Exception {
        try (RunningVigil vigil = RunningVigil.startWith(data, List.of("--vigil.store.read-batch-size=4"))) {
            for (int chair = 1; chair <= 6; chair++) {
                vigil.startSession("chair-" + chair, 120, 80);
            }
            int stored = (int) vigil.storedEvents();
            List<TrackedEventMessage<?>> expected = new ArrayList<>();
            try (BlockingStream<TrackedEventMessage<?>> store = vigil.context().getBean(EventStore.class)
                    .openStream(null)) {
                while (expected.size() < stored) {
                    expected.add(store.nextAvailable());
                }
            }
            TrackedEventStreams streams = vigil.context().getBean(TrackedEventStreams.class);
            assertThat(streams.ownConnections()).isTrue();

            try (Connection pooled = vigil.context().getBean(DataSource.class).getConnection()) {
                writing(pooled);
                assertSame(read(streams, null, stored), expected);
                assertSame(read(streams, expected.get(2).trackingToken(), stored - 3),
                        expected.subList(3, stored));
                pooled.rollback();
            }
        }
    }

    @Test
    void aStreamFollowsTheHeadOfTheStore() throws InterruptedException {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            vigil.startSession("chair-1", 120, 80);
            int stored = (int) vigil.storedEvents();
            TrackedEventStreams streams = vigil.context().getBean(TrackedEventStreams.class);
            try (BlockingStream<TrackedEventMessage<?>> stream = streams.openStream(null)) {
                for (int n = 0; n < stored; n++) {
                    stream.nextAvailable();
                }
                assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();

                vigil.startSession("chair-2", 120, 80);

                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                assertThat(stream.nextAvailable().getPayloadType().getSimpleName()).isEqualTo("SessionStartedEvent");
            }
        }
    }

    /** Starts a write transaction on the connection, which then holds SQLite's write lock until it ends. */
    private static void writing(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from domain_event_entry where global_index < 0");
        }
    }

    private static List<TrackedEventMessage<?>> read(TrackedEventStreams streams, TrackingToken from, int count)
            throws InterruptedException {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = streams.openStream(from)) {
            while (read.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                read.add(stream.nextAvailable());
            }
        }
        return read;
    }

    private static void assertSame(List<TrackedEventMessage<?>> read, List<TrackedEventMessage<?>> expected) {
        assertThat(read).hasSameSizeAs(expected);
        for (int n = 0; n < read.size(); n++) {
            TrackedEventMessage<?> event = read.get(n);
            TrackedEventMessage<?> stored = expected.get(n);
            assertThat(event.trackingToken()).isEqualTo(stored.trackingToken());
            assertThat(event.getIdentifier()).isEqualTo(stored.getIdentifier());
            assertThat(event.getTimestamp()).isEqualTo(stored.getTimestamp());
            assertThat(event.getPayload()).isEqualTo(stored.getPayload());
            assertThat(event.getMetaData()).isEqualTo(stored.getMetaData());
        }
    }
}
