package org.vigil.query.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read models' processor reads the store through {@link ReadAheadSource}: it gets every event in the store's
 * order with the store's tokens, from any token, including events stored while it reads; an error of the reads
 * reaches it where it happened; and closing a stream ends its reading thread and the stream it read from.
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
        ReadAheadSource source = new ReadAheadSource(store, store::openStream, 100);

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
        try (BlockingStream<TrackedEventMessage<?>> ahead = new ReadAheadSource(store, store::openStream, 4)
                .openStream(fourth.trackingToken())) {
            assertThat(ahead.nextAvailable().getPayload()).isEqualTo("event-4");
        }
    }

    @Test
    void anErrorOfTheReadsReachesTheProcessorAfterTheEventsReadBeforeIt() throws InterruptedException {
        publish(0, 10);
        ReadAheadSource source = new ReadAheadSource(store, token -> new FailingAfter(store.openStream(token), 6),
                100);

        try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null)) {
            for (int n = 0; n < 6; n++) {
                assertThat(ahead.nextAvailable().getPayload()).isEqualTo("event-" + n);
            }
            assertThatThrownBy(() -> ahead.hasNextAvailable(5, TimeUnit.SECONDS))
                    .isInstanceOf(EventStoreException.class).hasMessage("the store did not answer");
        }
    }

    @Test
    void closingAStreamEndsItsReadingThreadAndClosesWhatItReadFrom() throws InterruptedException {
        publish(0, 10_000);
        List<FailingAfter> opened = new ArrayList<>();
        ReadAheadSource source = new ReadAheadSource(store, token -> {
            FailingAfter reads = new FailingAfter(store.openStream(token), Integer.MAX_VALUE);
            opened.add(reads);
            return reads;
        }, 100);

        for (int restart = 0; restart < 5; restart++) {
            try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null)) {
                assertThat(ahead.nextAvailable().getPayload()).isEqualTo("event-0");
            }
        }

        assertThat(opened).hasSize(5).allMatch(reads -> reads.closed);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("read-models-read-ahead-"));
    }

    private void publish(int from, int count) {
        store.publish(IntStream.range(from, from + count)
                .mapToObj(n -> GenericEventMessage.asEventMessage("event-" + n)).toList());
    }

    /** The store's stream, failing as a store that stopped answering would after {@code events} events. */
    private static final class FailingAfter implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private int left;
        private volatile boolean closed;

        FailingAfter(BlockingStream<TrackedEventMessage<?>> stream, int events) {
            this.stream = stream;
            this.left = events;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (left == 0) {
                throw new EventStoreException("the store did not answer");
            }
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            left--;
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            closed = true;
            stream.close();
        }
    }
}
