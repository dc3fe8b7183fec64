package org.vigil.query.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash of the last committed event of the most recently stored aggregates, so that the next event of an
 * aggregate finds the hash it chains to without reading the store: a session takes a device message every second or
 * two, and each message's events would otherwise first read their predecessor's hash back.
 *
 * <p>An entry is only ever added after its transaction committed, and it is only used for exactly the event it
 * names (aggregate and sequence number): a committed event's hash never changes, so an entry can be out of date
 * (another node stored later events of the aggregate) but never wrong — an out-of-date entry is simply not used.
 * Bounded: the least recently stored aggregates are forgotten, and read from the store when they store again.
 */
final class CommittedChainEnds {

    private final Map<String, End> ends;

    CommittedChainEnds(int capacity) {
        this.ends = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, End> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The committed hash of event {@code sequenceNumber} of {@code aggregate}, or {@code null} when not known. */
    synchronized byte[] hash(String aggregate, long sequenceNumber) {
        End end = ends.get(aggregate);
        return end != null && end.sequenceNumber() == sequenceNumber ? end.hash() : null;
    }

    /** Remembers committed events' hashes; of each aggregate the one with the highest sequence number is kept. */
    synchronized void committed(Map<EventHash.Key, byte[]> hashes) {
        hashes.forEach((key, hash) -> {
            End known = ends.get(key.aggregateIdentifier());
            if (known == null || known.sequenceNumber() < key.sequenceNumber()) {
                ends.put(key.aggregateIdentifier(), new End(key.sequenceNumber(), hash));
            }
        });
    }

    private record End(long sequenceNumber, byte[] hash) {
    }
}
