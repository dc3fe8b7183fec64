package org.vigil.query.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.vigil.query.store.SnapshotReads;

/**
 * Axon's aggregate snapshotter, reading the aggregate's latest snapshot and events where {@link SnapshotReads} says
 * (on the embedded store, a read-only connection of the read's own) and folding them outside any transaction, then
 * storing the snapshot in a short transaction of its own. Axon's snapshotter runs the whole task in one transaction,
 * which on the embedded store holds the one connection the device messages are stored through while a few hundred
 * events are read and folded. As in Axon's, a snapshot is stored only when it covers more than the stream began with,
 * and a task that fails is logged by Axon and leaves the aggregate to be loaded from its events.
 */
final class ReadAsideSnapshotter extends AggregateSnapshotter {

    private final SnapshotReads reads;
    private final TransactionManager transactions;

    /**
     * @param builder      Axon's builder, whose transaction manager must be none: this snapshotter starts its own
     * @param transactions the transactions the snapshot is stored in
     */
    ReadAsideSnapshotter(Builder builder, SnapshotReads reads, TransactionManager transactions) {
        super(builder);
        this.reads = reads;
        this.transactions = transactions;
    }

    @Override
    protected Runnable createSnapshotterTask(Class<?> aggregateType, String aggregateIdentifier) {
        return () -> {
            DomainEventMessage<?> snapshot = reads.withEvents(aggregateIdentifier, events -> {
                if (!events.hasNext()) {
                    return null;
                }
                long first = events.peek().getSequenceNumber();
                DomainEventMessage<?> folded = createSnapshot(aggregateType, aggregateIdentifier, events);
                return folded != null && folded.getSequenceNumber() > first ? folded : null;
            });
            if (snapshot != null) {
                transactions.executeInTransaction(() -> getEventStore().storeSnapshot(snapshot));
            }
        };
    }
}
