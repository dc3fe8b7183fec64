package org.vigil.query.store;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA storage engine, storing a snapshot in a transaction of its own when none is under way. Vigil's
 * snapshotter reads an aggregate's events (each read a short transaction of the engine's) and folds them outside any
 * transaction, so that on the embedded store the one connection the device messages are stored through is held only
 * while the snapshot is written, not while hundreds of events are folded (SnapshotConfiguration in
 * {@code org.vigil.query.config}). Inside a transaction, the snapshot is stored in it, as before.
 */
class SnapshotTransactionsEngine extends JpaEventStorageEngine {

    private final TransactionManager snapshotTransactions;

    SnapshotTransactionsEngine(Builder builder, TransactionManager transactions) {
        super(builder);
        this.snapshotTransactions = transactions;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshotTransactions.executeInTransaction(() -> super.storeSnapshot(snapshot, serializer));
    }
}
