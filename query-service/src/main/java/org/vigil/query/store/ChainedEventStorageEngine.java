package org.vigil.query.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA storage engine that stores, with every event and in its transaction, the event's hash chained to the
 * previous event of its aggregate ({@link EventHash}, {@link ChainedEvent}): the event and its hash are durable
 * together or not at all. The previous hash is read by its key (aggregate, sequence number − 1), from the
 * transaction when it stored it, from the hashes committed last ({@link CommittedChainEnds}), else from the store;
 * an aggregate whose earlier events were stored before Vigil hashed events starts its chain at its first hashed
 * event. With the first hashed event ever stored, the start of the chain is recorded ({@link ChainStart}).
 */
class ChainedEventStorageEngine extends JpaEventStorageEngine {

    private static final String HASHES = ChainedEventStorageEngine.class.getName() + ".hashes";
    /** Enough for every running session and device of a large clinic group, a few hundred kilobytes. */
    private static final int CHAIN_ENDS_KEPT = 10_000;

    private final TransactionManager transactions;
    private final Clock clock;
    /** On the embedded SQLite store, events are inserted in batches, numbered here; elsewhere one by one. */
    private final NumberedEventInserts batches;
    private final CommittedChainEnds committed = new CommittedChainEnds(CHAIN_ENDS_KEPT);
    private volatile boolean chainStarted;

    /**
     * @param batched whether events are inserted in JDBC batches and numbered by Vigil ({@link NumberedEventInserts}),
     *                as on the embedded SQLite store, rather than one by one, numbered by the database
     */
    ChainedEventStorageEngine(Builder builder, TransactionManager transactions, Clock clock, boolean batched) {
        super(builder);
        this.transactions = transactions;
        this.clock = clock;
        this.batches = batched ? new NumberedEventInserts() : null;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try {
                EntityManager entityManager = entityManager();
                List<DomainEventEntry> entries = new ArrayList<>(events.size());
                for (EventMessage<?> event : events) {
                    entries.add((DomainEventEntry) createEventEntity(event, serializer));
                }
                long[] globalIndexes = insert(entityManager, entries);
                List<EventHash> hashes = link(entityManager, entries, globalIndexes);
                entityManager.flush();
                forget(entityManager, batches == null ? entries : List.of(), hashes);
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    /** Inserts the events and returns each one's global index. */
    private long[] insert(EntityManager entityManager, List<DomainEventEntry> entries) {
        if (batches != null) {
            return batches.insert(entityManager, entries);
        }
        PersistenceUnitUtil identifiers = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
        long[] globalIndexes = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            entityManager.persist(entries.get(i));
            globalIndexes[i] = (Long) identifiers.getIdentifier(entries.get(i));
        }
        return globalIndexes;
    }

    /**
     * Takes the stored events and their hashes out of the persistence context once written: they never change, and
     * every later flush of the transaction — one for each command of a group of device messages, and one before each
     * query — would otherwise check each of them for changes again, a cost growing with the square of the group. The
     * hashes stay known to this transaction for the next event of their aggregate ({@link #lastHashes}).
     */
    private void forget(EntityManager entityManager, List<DomainEventEntry> entries, List<EventHash> hashes) {
        Map<EventHash.Key, byte[]> known = lastHashes();
        for (EventHash hash : hashes) {
            if (known != null) {
                known.put(new EventHash.Key(hash.aggregateIdentifier(), hash.sequenceNumber()), hash.hash());
            }
            entityManager.detach(hash);
        }
        entries.forEach(entityManager::detach);
    }

    /**
     * The hashes stored in the transaction of the current unit of work, by key; {@code null} outside one. Once that
     * transaction has committed, they become the chain ends known without reading the store.
     */
    private Map<EventHash.Key, byte[]> lastHashes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(HASHES, key -> {
            Map<EventHash.Key, byte[]> hashes = new HashMap<>();
            root.afterCommit(u -> committed.committed(hashes));
            return hashes;
        });
    }

    private List<EventHash> link(EntityManager entityManager, List<DomainEventEntry> entries, long[] globalIndexes) {
        if (!chainStarted) {
            startChain(entityManager, globalIndexes[0]);
        }
        Map<String, byte[]> last = new HashMap<>();
        List<EventHash> hashes = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            DomainEventEntry entry = entries.get(i);
            long globalIndex = globalIndexes[i];
            String aggregate = entry.getAggregateIdentifier();
            byte[] previous = last.get(aggregate);
            if (previous == null) {
                previous = previousHash(entityManager, aggregate, entry.getSequenceNumber());
            }
            byte[] hash = of(entry, globalIndex).hash(previous);
            EventHash stored = new EventHash(aggregate, entry.getSequenceNumber(), globalIndex, hash);
            entityManager.persist(stored);
            hashes.add(stored);
            last.put(aggregate, hash);
        }
        return hashes;
    }

    private byte[] previousHash(EntityManager entityManager, String aggregate, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return ChainedEvent.NO_PREVIOUS;
        }
        Map<EventHash.Key, byte[]> known = lastHashes();
        byte[] inThisTransaction = known == null ? null : known.get(new EventHash.Key(aggregate, sequenceNumber - 1));
        if (inThisTransaction != null) {
            return inThisTransaction;
        }
        byte[] committedBefore = committed.hash(aggregate, sequenceNumber - 1);
        if (committedBefore != null) {
            return committedBefore;
        }
        EventHash previous = entityManager.find(EventHash.class, new EventHash.Key(aggregate, sequenceNumber - 1));
        return previous == null ? ChainedEvent.NO_PREVIOUS : previous.hash();
    }

    /**
     * Records where the chain starts, unless a node recorded it before: one statement, so that two nodes storing
     * their first hashed events at once both succeed. Once the record is found committed, it is not looked for
     * again.
     */
    private void startChain(EntityManager entityManager, long firstGlobalIndex) {
        if (entityManager.find(ChainStart.class, ChainStart.ID) != null) {
            chainStarted = true;
        } else {
            entityManager.createNativeQuery("insert into record_chain_start "
                            + "(id, first_global_index, events_before, started_at) "
                            + "select ?1, ?2, count(*), ?3 from domain_event_entry where global_index < ?2 "
                            + "on conflict do nothing")
                    .setParameter(1, ChainStart.ID)
                    .setParameter(2, firstGlobalIndex)
                    .setParameter(3, clock.instant().toString())
                    .executeUpdate();
        }
    }

    /** The fields of a stored event that its hash covers. */
    static ChainedEvent of(DomainEventData<byte[]> entry, long globalIndex) {
        SerializedObject<byte[]> payload = entry.getPayload();
        return new ChainedEvent(globalIndex, entry.getEventIdentifier(), entry.getAggregateIdentifier(),
                entry.getSequenceNumber(), entry.getType(), entry.getTimestamp(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), entry.getMetaData().getData());
    }
}
