package org.vigil.query.readmodels;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the read models' processor reads it: every stream it opens is a {@link ReadAheadStream}, whose
 * own thread fetches and deserialises the events ahead of the processor while the processor handles and writes the
 * ones before. Tokens and order are the store's; only the work moves to another thread. The reading thread reads
 * through {@code reads}: on the embedded store, a read-only connection of the stream's own
 * ({@link org.vigil.query.store.TrackedEventStreams}), so that it does not wait for the connection the processor's
 * batch holds. Tokens made without reading (the tail, the head, a time) are the event store's.
 */
final class ReadAheadSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> reads;
    private final int capacity;

    /**
     * @param store    the event store: its tokens, and its streams when {@code capacity} is {@code 0}
     * @param reads    opens the stream the reading thread reads from a token
     * @param capacity how many events a stream holds ready at most; {@code 0} opens the store's own streams
     */
    ReadAheadSource(StreamableMessageSource<TrackedEventMessage<?>> store,
                    Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> reads, int capacity) {
        this.store = store;
        this.reads = reads;
        this.capacity = capacity;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return capacity > 0 ? new ReadAheadStream(reads.apply(trackingToken), capacity)
                : store.openStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }
}
