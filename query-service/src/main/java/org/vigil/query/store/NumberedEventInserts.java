package org.vigil.query.store;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.Session;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the embedded SQLite store in one JDBC batch, numbering them itself, instead of inserting each
 * through Hibernate and reading back the row id SQLite gave it: a statement prepared, run and followed by a query for
 * every event, most of the time the storing thread spent inserting events (BENCHMARKS.md, "Events appended in
 * batches").
 *
 * <p>The numbers are those SQLite would have given: one past the highest stored, then counting up. SQLite has one
 * writer, and Vigil's transactions take its write lock when they begin ({@code transaction_mode=IMMEDIATE}), so no
 * other transaction, in this process or another, can store an event between the read of the highest number and the
 * commit. The next number is kept for the rest of the transaction, so the highest is read once a transaction, not
 * once an event; a transaction that rolls back takes its numbers with it.
 */
final class NumberedEventInserts {

    private static final String INSERT = "insert into domain_event_entry (global_index, event_identifier, meta_data,"
            + " payload, payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HIGHEST = "select coalesce(max(global_index), 0) from domain_event_entry";

    /**
     * Inserts {@code entries} in their order and returns the global index each was stored under.
     */
    long[] insert(EntityManager entityManager, List<DomainEventEntry> entries) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long first = reserve(connection, entries.size());
            long[] indexes = new long[entries.size()];
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < entries.size(); i++) {
                    indexes[i] = first + i;
                    bind(insert, indexes[i], entries.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return indexes;
        });
    }

    private static void bind(PreparedStatement insert, long globalIndex, DomainEventEntry entry) throws SQLException {
        insert.setLong(1, globalIndex);
        insert.setString(2, entry.getEventIdentifier());
        insert.setBytes(3, entry.getMetaData() == null ? null : entry.getMetaData().getData());
        insert.setBytes(4, entry.getPayload().getData());
        insert.setString(5, entry.getPayload().getType().getRevision());
        insert.setString(6, entry.getPayload().getType().getName());
        insert.setString(7, DateTimeUtils.formatInstant(entry.getTimestamp()));
        insert.setString(8, entry.getAggregateIdentifier());
        insert.setLong(9, entry.getSequenceNumber());
        insert.setString(10, entry.getType());
    }

    /** The first of {@code count} numbers no stored event has, reserved for the rest of the transaction. */
    private long reserve(Connection connection, int count) throws SQLException {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return highest(connection) + 1;
        }
        NextIndex next = (NextIndex) TransactionSynchronizationManager.getResource(this);
        if (next == null) {
            next = new NextIndex(highest(connection) + 1);
            TransactionSynchronizationManager.bindResource(this, next);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(NumberedEventInserts.this);
                }
            });
        }
        long first = next.value;
        next.value += count;
        return first;
    }

    private static long highest(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HIGHEST); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static final class NextIndex {
        long value;

        NextIndex(long value) {
            this.value = value;
        }
    }
}
