package org.vigil.query.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How the record is written: every serializer Axon uses is {@link EventSerializers#store}, and events carry no
 * correlation metadata.
 *
 * <p>Axon by default copies a correlation id and a trace id (two UUIDs, about 100 bytes) into the metadata of every
 * event. Nothing in Vigil reads them: an alarm event carries the value and the time of the condition it was raised
 * for. So none is recorded, and an event's metadata is empty.
 */
@Configuration
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class StoreConfiguration {

    /** Snapshots, tokens, sagas and dead letters; also the messages, which are never stored. */
    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisions) {
        return EventSerializers.store(revisions);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Axon's JPA storage engine as Axon's own configuration builds it, but reading {@code vigil.store.read-batch-size}
     * events a query (1,000 by default; Axon reads 100). Every query is a transaction of its own, and on the embedded
     * store every transaction takes the one connection: start-up's folds of the running sessions, and any tracking
     * processor that catches up, then take it ten times less often (the read models' processor reads on a connection
     * of its own there, {@link TrackedEventStreams}, with the same batch). Its gaps are tracked as
     * {@link StoreGaps} says. Defining it here replaces Axon's
     * auto-configuration of the engine, so the event and snapshot entities are registered here as well. Every event
     * is stored with its hash ({@link ChainedEventStorageEngine}), on the embedded SQLite store in JDBC batches
     * ({@link NumberedEventInserts}). {@code vigil.store.hash-events=false} stores
     * events without hashes; it exists only so that the store benchmark can measure what the hashes cost, and
     * verification reports every event stored so after the chain began as inserted.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver exceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          EntityManagerProvider entityManagers, TransactionManager transactions,
                                          @Value("${vigil.store.read-batch-size:1000}") int readBatchSize,
                                          Clock clock, DataSource dataSource,
                                          @Value("${vigil.store.hash-events:true}") boolean hashEvents)
            throws SQLException {
        JpaEventStorageEngine.Builder builder = StoreGaps.apply(JpaEventStorageEngine.builder())
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .entityManagerProvider(entityManagers)
                .transactionManager(transactions)
                .batchSize(readBatchSize);
        return hashEvents ? new ChainedEventStorageEngine(builder, transactions, clock, sqlite(dataSource))
                : builder.build();
    }

    /**
     * The stored events as the persisted read models' processor reads them on a thread of its own: on the embedded
     * store through a read-only connection of each stream's own, reading as the engine above does.
     */
    @Bean
    TrackedEventStreams trackedEventStreams(EventStore eventStore, Serializer serializer,
                                            @Qualifier("eventSerializer") Serializer eventSerializer,
                                            org.axonframework.config.Configuration axon,
                                            @Value("${spring.datasource.url:}") String url,
                                            @Value("${vigil.store.read-batch-size:1000}") int readBatchSize,
                                            @Value("${vigil.store.tailing-read-interval:250ms}") Duration interval) {
        return new TrackedEventStreams(eventStore, url, serializer, eventSerializer, axon.upcasterChain(),
                readBatchSize, interval);
    }

    /** Where the aggregate snapshotter reads: on the embedded store through read-only connections of its own. */
    @Bean
    SnapshotReads snapshotReads(EventStore eventStore, Serializer serializer,
                                @Qualifier("eventSerializer") Serializer eventSerializer,
                                org.axonframework.config.Configuration axon,
                                @Value("${spring.datasource.url:}") String url,
                                @Value("${vigil.store.read-batch-size:1000}") int readBatchSize) {
        return new SnapshotReads(eventStore, url, serializer, eventSerializer, axon.upcasterChain(),
                axon.snapshotFilter(), readBatchSize);
    }

    /**
     * Which failed insert is a concurrency conflict (an aggregate's sequence number taken): Axon's resolver by error
     * codes, which knows PostgreSQL and H2, or {@link SqliteDuplicateKeys} on the embedded SQLite store.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return sqlite(dataSource) ? new SqliteDuplicateKeys() : new SQLErrorCodesResolver(dataSource);
    }

    private static boolean sqlite(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "SQLite".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Replaces Axon's {@code MessageOriginProvider}: no correlation metadata on any message. */
    @Bean
    CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }
}
