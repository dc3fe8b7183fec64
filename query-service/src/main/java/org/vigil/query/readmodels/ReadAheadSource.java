package org.vigil.query.readmodels;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the read models' processor reads it: every stream it opens is a {@link ReadAheadStream}, whose
 * own thread fetches and deserialises the events ahead of the processor while the processor handles and writes the
 * ones before. Tokens and order are the store's; only the work moves to another thread.
 */
final class ReadAheadSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final int capacity;

    /**
     * @param store    where the events are read from
     * @param capacity how many events a stream holds ready at most; {@code 0} opens the store's own streams
     */
    ReadAheadSource(StreamableMessageSource<TrackedEventMessage<?>> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(trackingToken);
        return capacity > 0 ? new ReadAheadStream(stream, capacity) : stream;
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
