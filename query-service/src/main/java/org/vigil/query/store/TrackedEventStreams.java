package org.vigil.query.store;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.sqlite.SQLiteConfig;

/**
 * The stored events as a tracking processor that reads on a thread of its own reads them: on PostgreSQL from the
 * event store, whose pool has a connection for every reader; on the embedded SQLite store through a read-only
 * connection each stream opens for itself and closes with it, beside the pool's one connection, which the
 * write-ahead log allows. There Axon's JDBC storage engine reads the tables Hibernate made for the JPA engine, with
 * the same serializers, upcasters, read batch and gap settings ({@link StoreConfiguration}), so its tokens are the
 * ones the JPA engine gives and a processor's stored token is read either way. A stream on SQLite follows the head
 * of the store as the event store does: after a read that found nothing, the next starts one
 * {@code vigil.store.tailing-read-interval} later ({@link TailingReads}).
 */
public final class TrackedEventStreams {

    /** The tables and columns Hibernate names after Axon's JPA entities. */
    static final EventSchema HIBERNATE_NAMES = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .build();

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Optional<String> sqliteFile;
    private final JdbcEventStorageEngine.Builder reading;
    private final long intervalNanos;

    TrackedEventStreams(StreamableMessageSource<TrackedEventMessage<?>> store, String url, Serializer serializer,
                        Serializer eventSerializer, EventUpcaster upcasters, int batchSize, Duration interval) {
        this.store = store;
        this.sqliteFile = SqliteDataSource.file(url).map(file -> "jdbc:sqlite:" + file);
        this.reading = StoreGaps.apply(JdbcEventStorageEngine.builder())
                .schema(HIBERNATE_NAMES)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(upcasters)
                .transactionManager(NoTransactionManager.INSTANCE)
                .fetchTrackedEvents(TrackedEventStreams::firstIndexAfter)
                .batchSize(batchSize);
        this.intervalNanos = interval.toNanos();
    }

    /** Whether the streams read through connections of their own rather than the event store. */
    public boolean ownConnections() {
        return sqliteFile.isPresent();
    }

    /**
     * The events after {@code token} ({@code null}: from the first), in the store's order, with the event store's
     * tokens. Closing the stream closes its connection.
     */
    public synchronized BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        if (sqliteFile.isEmpty()) {
            return store.openStream(token);
        }
        Connection connection = readOnly(sqliteFile.get());
        try {
            JdbcEventStorageEngine engine = new TimedRowsEngine(reading
                    .connectionProvider(() -> ConnectionWrapperFactory.wrap(connection,
                            new ConnectionWrapperFactory.NoOpCloseHandler())));
            return new TailingReads(engine, token, intervalNanos, connection);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * The first global index after {@code index}, which the engine looks for when a batch's range holds no event:
     * no row when there is none. Axon's own statement ({@code min(…)}) returns a row with {@code null}, which the
     * SQLite driver does not read as a {@code Long}.
     */
    private static PreparedStatement firstIndexAfter(Connection connection, EventSchema schema, long index)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.globalIndexColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn() + " > ? ORDER BY "
                + schema.globalIndexColumn() + " LIMIT 1");
        statement.setLong(1, index);
        return statement;
    }

    static Connection readOnly(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            return config.createConnection(url);
        } catch (SQLException e) {
            throw new EventStoreException("cannot open a connection to read " + url, e);
        }
    }
}
