package org.vigil.query.store;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the aggregate snapshotter reads an aggregate's latest snapshot and the events after it: on the embedded
 * SQLite store through a read-only connection of the read's own, beside the pool's one connection (as the read
 * models' processor reads, {@link TrackedEventStreams}), so that reading and folding a few hundred events does not
 * hold the connection the device messages are stored through; on PostgreSQL from the event store, whose pool has a
 * connection for every reader. Only what has committed is read, and a snapshot is asked for after the commit that
 * crossed its threshold.
 */
public final class SnapshotReads {

    private static final Logger log = LoggerFactory.getLogger(SnapshotReads.class);

    private final EventStore eventStore;
    private final Optional<String> sqliteFile;
    private final Function<ConnectionProvider, JdbcEventStorageEngine> engines;

    SnapshotReads(EventStore eventStore, String url, Serializer serializer, Serializer eventSerializer,
                  EventUpcaster upcasters, SnapshotFilter snapshotFilter, int batchSize) {
        this.eventStore = eventStore;
        this.sqliteFile = SqliteDataSource.file(url).map(file -> "jdbc:sqlite:" + file);
        this.engines = connections -> JdbcEventStorageEngine.builder()
                .schema(TrackedEventStreams.HIBERNATE_NAMES)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(upcasters)
                .snapshotFilter(snapshotFilter)
                .transactionManager(NoTransactionManager.INSTANCE)
                .batchSize(batchSize)
                .connectionProvider(connections)
                .build();
    }

    /** Whether the reads go through connections of their own rather than the event store. */
    public boolean ownConnections() {
        return sqliteFile.isPresent();
    }

    /**
     * Gives {@code work} the aggregate's latest snapshot, if any, and its events after it, as the event store's
     * {@code readEvents} would, and returns what it returns; the stream is open only while {@code work} runs.
     */
    public <T> T withEvents(String aggregateIdentifier, Function<DomainEventStream, T> work) {
        if (sqliteFile.isEmpty()) {
            return work.apply(eventStore.readEvents(aggregateIdentifier));
        }
        Connection connection = TrackedEventStreams.readOnly(sqliteFile.get());
        try {
            // an engine of the read's own: two snapshots can be taken at once (the worker's, and the one its full
            // queue leaves to the thread that asked), each on its own connection
            JdbcEventStorageEngine engine = engines.apply(() -> ConnectionWrapperFactory.wrap(
                    connection, new ConnectionWrapperFactory.NoOpCloseHandler()));
            return work.apply(snapshotAndAfter(engine, aggregateIdentifier));
        } finally {
            closeQuietly(connection);
        }
    }

    /** As Axon's event store reads an aggregate: its latest snapshot and the events after it, else all its events. */
    private static DomainEventStream snapshotAndAfter(JdbcEventStorageEngine engine, String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot;
        try {
            snapshot = engine.readSnapshot(aggregateIdentifier);
        } catch (RuntimeException e) {
            log.warn("The snapshot of {} could not be read; the snapshot is taken from all its events",
                    aggregateIdentifier, e);
            snapshot = Optional.empty();
        }
        return snapshot.map(latest -> DomainEventStream.concat(DomainEventStream.of(latest),
                        engine.readEvents(aggregateIdentifier, latest.getSequenceNumber() + 1)))
                .orElseGet(() -> engine.readEvents(aggregateIdentifier));
    }
}
