package org.vigil.query.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read models' processor reads the store through {@link ReadAheadSource}: it gets every event in the store's
 * order with the store's tokens, from any token, including events stored while it reads.
 */
class ReadAheadSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void everyEventComesInTheStoresOrderWithItsToken() throws InterruptedException {
        publish(0, 5_000);
        ReadAheadSource source = new ReadAheadSource(store, 100);

        List<TrackedEventMessage<?>> read = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> direct = store.openStream(null);
             BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null)) {
            publish(5_000, 1_000);
            while (read.size() < 6_000 && ahead.hasNextAvailable(5, TimeUnit.SECONDS)) {
                assertThat(ahead.peek()).isPresent();
                read.add(ahead.nextAvailable());
            }
            assertThat(read).hasSize(6_000);
            for (TrackedEventMessage<?> event : read) {
                TrackedEventMessage<?> expected = direct.nextAvailable();
                assertThat(event.trackingToken()).isEqualTo(expected.trackingToken());
                assertThat(event.getPayload()).isEqualTo(expected.getPayload());
            }
            assertThat(ahead.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    @Test
    void aStreamOpenedAtATokenStartsAfterIt() throws InterruptedException {
        publish(0, 10);
        TrackedEventMessage<?> fourth;
        try (BlockingStream<TrackedEventMessage<?>> direct = store.openStream(null)) {
            for (int n = 0; n < 3; n++) {
                direct.nextAvailable();
            }
            fourth = direct.nextAvailable();
        }
        try (BlockingStream<TrackedEventMessage<?>> ahead = new ReadAheadSource(store, 4)
                .openStream(fourth.trackingToken())) {
            assertThat(ahead.nextAvailable().getPayload()).isEqualTo("event-4");
        }
    }

    private void publish(int from, int count) {
        store.publish(IntStream.range(from, from + count)
                .mapToObj(n -> GenericEventMessage.asEventMessage("event-" + n)).toList());
    }
}
