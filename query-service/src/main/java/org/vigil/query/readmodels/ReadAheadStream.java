package org.vigil.query.readmodels;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream of stored events read ahead on a thread of its own: the thread takes each event from the store's stream,
 * deserialises its payload and metadata, parses its stored time, and queues it (at most {@code capacity}); the
 * processor takes them from the queue in the store's order. Reading and deserialising — most of the work of a rebuild — run beside the
 * processor's handlers and writes instead of before them; on the embedded store the thread reads through a
 * read-only connection of the stream's own, not the one the processor's batch holds. Closing the stream stops the
 * thread, then closes the stream it read from, and with it that connection.
 *
 * <p>An event whose payload does not deserialise is queued all the same: the processor meets the same error where it
 * would have met it without the read-ahead, and handles it the same way. An error of the store's stream itself (a
 * store that does not answer) is handed to the processor when it reaches that point of the stream, so the processor
 * closes the stream and opens a new one from its last stored token, as it does for any error.
 */
final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadStream.class);
    private static final AtomicInteger STREAMS = new AtomicInteger();
    private static final int POLL_MILLIS = 100;

    /** What the reading thread queues after the last event it could read: the error that stopped it. */
    private record Failure(RuntimeException error) {
    }

    private final BlockingStream<TrackedEventMessage<?>> source;
    private final BlockingQueue<Object> ahead;
    private final Thread reader;
    private volatile boolean closed;
    private TrackedEventMessage<?> next;

    ReadAheadStream(BlockingStream<TrackedEventMessage<?>> source, int capacity) {
        this.source = source;
        this.ahead = new ArrayBlockingQueue<>(capacity);
        this.reader = new Thread(this::readAhead, "read-models-read-ahead-" + STREAMS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                if (source.hasNextAvailable(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = source.nextAvailable();
                    deserialise(event);
                    queue(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                queue(new Failure(e));
            }
        }
    }

    private static void deserialise(TrackedEventMessage<?> event) {
        try {
            event.getTimestamp();
            event.getPayload();
            event.getMetaData();
        } catch (RuntimeException e) {
            log.debug("Event {} did not deserialise ahead of its processor: {}", event.getIdentifier(), e.toString());
        }
    }

    private void queue(Object item) {
        try {
            while (!closed && !ahead.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // the processor is behind: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        if (next == null) {
            next = unwrap(ahead.poll());
        }
        return Optional.ofNullable(next);
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (next == null) {
            next = unwrap(ahead.poll(timeout, unit));
        }
        return next != null;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        TrackedEventMessage<?> event = next != null ? next : unwrap(ahead.take());
        next = null;
        return event;
    }

    private static TrackedEventMessage<?> unwrap(Object item) {
        if (item instanceof Failure failure) {
            throw failure.error();
        }
        return (TrackedEventMessage<?>) item;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }
}
