package org.vigil.query.durability;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.RunningVigil;

/**
 * The device messages in the event store itself, read from its first event through the application's storage
 * engine and serializer (not through a read model): how often each {@link Acknowledgements#key(String, String)}
 * is stored, and how many messages each session, device and chair holds.
 */
final class StoredMessages {

    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<String, Long> bySession = new HashMap<>();
    private final Map<String, Long> byDevice = new HashMap<>();
    private final Map<String, Instant> lastReceivedByChair = new HashMap<>();
    private long total;

    private StoredMessages() {
    }

    static StoredMessages in(RunningVigil vigil) {
        StoredMessages stored = new StoredMessages();
        vigil.stored(ObservationsRecordedEvent.class).forEach(event -> stored.add(event.payload()));
        return stored;
    }

    private void add(ObservationsRecordedEvent event) {
        total++;
        byKey.merge(Acknowledgements.key(event.deviceId().value(), event.messageKey().controlId()), 1,
                Integer::sum);
        byDevice.merge(event.deviceId().value(), 1L, Long::sum);
        if (event.sessionId() != null) {
            bySession.merge(event.sessionId().value(), 1L, Long::sum);
        }
        if (event.chairId() != null) {
            lastReceivedByChair.put(event.chairId().value(), event.receivedAt());
        }
    }

    /** How many times the message is stored. */
    int count(String key) {
        return byKey.getOrDefault(key, 0);
    }

    /** The acknowledged messages that are not in the store. */
    List<String> missing(Set<String> acknowledged) {
        return acknowledged.stream().filter(key -> count(key) == 0).sorted().toList();
    }

    /** The messages stored more than once, each with its count. */
    Map<String, Integer> duplicates() {
        Map<String, Integer> duplicates = new HashMap<>();
        byKey.forEach((key, count) -> {
            if (count > 1) {
                duplicates.put(key, count);
            }
        });
        return duplicates;
    }

    long total() {
        return total;
    }

    long forSession(String sessionId) {
        return bySession.getOrDefault(sessionId, 0L);
    }

    long forDevice(String deviceId) {
        return byDevice.getOrDefault(deviceId, 0L);
    }

    /** When the last message stored for the chair was received, in the store's order. */
    Instant lastReceivedAt(String chairId) {
        return lastReceivedByChair.get(chairId);
    }
}
