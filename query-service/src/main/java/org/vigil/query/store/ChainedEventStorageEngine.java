package org.vigil.query.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
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
 * persistence context when the same batch stored it; an aggregate whose earlier events were stored before Vigil
 * hashed events starts its chain at its first hashed event. With the first hashed event ever stored, the start of
 * the chain is recorded ({@link ChainStart}).
 */
class ChainedEventStorageEngine extends JpaEventStorageEngine {

    private final TransactionManager transactions;
    private final Clock clock;
    private volatile boolean chainStarted;

    ChainedEventStorageEngine(Builder builder, TransactionManager transactions, Clock clock) {
        super(builder);
        this.transactions = transactions;
        this.clock = clock;
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
                    DomainEventEntry entry = (DomainEventEntry) createEventEntity(event, serializer);
                    entityManager.persist(entry);
                    entries.add(entry);
                }
                link(entityManager, entries);
                entityManager.flush();
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    private void link(EntityManager entityManager, List<DomainEventEntry> entries) {
        PersistenceUnitUtil identifiers = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
        if (!chainStarted) {
            startChain(entityManager, (Long) identifiers.getIdentifier(entries.get(0)));
        }
        Map<String, byte[]> last = new HashMap<>();
        for (DomainEventEntry entry : entries) {
            long globalIndex = (Long) identifiers.getIdentifier(entry);
            String aggregate = entry.getAggregateIdentifier();
            byte[] previous = last.get(aggregate);
            if (previous == null) {
                previous = previousHash(entityManager, aggregate, entry.getSequenceNumber());
            }
            byte[] hash = of(entry, globalIndex).hash(previous);
            entityManager.persist(new EventHash(aggregate, entry.getSequenceNumber(), globalIndex, hash));
            last.put(aggregate, hash);
        }
    }

    private static byte[] previousHash(EntityManager entityManager, String aggregate, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return ChainedEvent.NO_PREVIOUS;
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
