package org.vigil.query.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The events a storage engine holds after a token, read as a stream that follows the head of the store: the
 * engine's reads go on until one returns nothing, and the next read starts one {@code interval} after that, as
 * {@link PacedTailingReads} paces the event store's own reader. Used by one thread at a time; closing it closes
 * what the engine reads through.
 */
final class TailingReads implements BlockingStream<TrackedEventMessage<?>> {

    private final EventStorageEngine engine;
    private final long intervalNanos;
    private final Connection connection;
    private TrackingToken last;
    private Stream<? extends TrackedEventMessage<?>> read;
    private Iterator<? extends TrackedEventMessage<?>> events = Collections.emptyIterator();
    private long nextRead = System.nanoTime();
    private TrackedEventMessage<?> next;

    /**
     * @param engine     reads the events
     * @param from       the token of the last event already read; {@code null} for the first event
     * @param interval   how long after a read that found nothing the next one starts, in nanoseconds
     * @param connection closed with the stream
     */
    TailingReads(EventStorageEngine engine, TrackingToken from, long interval, Connection connection) {
        this.engine = engine;
        this.last = from;
        this.intervalNanos = interval;
        this.connection = connection;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        try {
            return Optional.ofNullable(advance(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        return advance(unit.toNanos(timeout)) != null;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (advance(TimeUnit.SECONDS.toNanos(1)) == null) {
            // at the head of the store: wait for the next event
        }
        TrackedEventMessage<?> event = next;
        next = null;
        last = event.trackingToken();
        return event;
    }

    /** The next event, waiting at most {@code timeoutNanos} for it; {@code null} if none came. */
    private TrackedEventMessage<?> advance(long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (next == null) {
            if (events.hasNext()) {
                next = events.next();
                break;
            }
            long now = System.nanoTime();
            if (read != null) {
                // the read went on until the store had no more
                read.close();
                read = null;
                nextRead = now + intervalNanos;
            }
            if (now - nextRead >= 0) {
                read = engine.readEvents(last, false);
                events = read.iterator();
                continue;
            }
            long wait = Math.min(nextRead - now, start + timeoutNanos - now);
            if (wait <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return next;
    }

    @Override
    public void close() {
        try {
            if (read != null) {
                read.close();
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close the connection the events were read through", e);
            }
        }
    }
}
