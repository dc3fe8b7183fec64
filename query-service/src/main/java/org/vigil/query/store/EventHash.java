package org.vigil.query.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * The hash of one stored event ({@link ChainedEvent}), in table {@code event_hash}: keyed as the event is, by its
 * aggregate and sequence number, with its global index. Written by {@link ChainedEventStorageEngine} in the
 * transaction that stores the event; never changed.
 */
@Entity
@Table(name = "event_hash")
@IdClass(EventHash.Key.class)
class EventHash {

    @Id
    @Column(name = "aggregate_identifier", nullable = false)
    private String aggregateIdentifier;

    @Id
    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    @Column(name = "global_index", nullable = false)
    private long globalIndex;

    @Column(name = "hash", nullable = false, length = 32)
    private byte[] hash;

    protected EventHash() {
    }

    EventHash(String aggregateIdentifier, long sequenceNumber, long globalIndex, byte[] hash) {
        this.aggregateIdentifier = aggregateIdentifier;
        this.sequenceNumber = sequenceNumber;
        this.globalIndex = globalIndex;
        this.hash = hash;
    }

    byte[] hash() {
        return hash;
    }

    String aggregateIdentifier() {
        return aggregateIdentifier;
    }

    long sequenceNumber() {
        return sequenceNumber;
    }

    /** An event's key: its aggregate and sequence number. */
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String aggregateIdentifier;
        private long sequenceNumber;

        protected Key() {
        }

        Key(String aggregateIdentifier, long sequenceNumber) {
            this.aggregateIdentifier = aggregateIdentifier;
            this.sequenceNumber = sequenceNumber;
        }

        String aggregateIdentifier() {
            return aggregateIdentifier;
        }

        long sequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.sequenceNumber == sequenceNumber
                    && key.aggregateIdentifier.equals(aggregateIdentifier);
        }

        @Override
        public int hashCode() {
            return Objects.hash(aggregateIdentifier, sequenceNumber);
        }
    }
}
