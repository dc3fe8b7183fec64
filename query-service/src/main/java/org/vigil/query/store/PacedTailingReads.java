package org.vigil.query.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine as the event store's tailing reader sees it: a read that follows the head of the store
 * ({@code mayBlock}, which only Axon's {@code EmbeddedEventStore} asks for, on its one producer thread) starts at most
 * once per {@code interval}. Every other call goes straight to the engine.
 *
 * <p>Without this the producer reads again as soon as a command commits: under load it reads all the time, each
 * read a transaction of its own (one that returns the new events and one that finds no more), and each event then
 * reaches the persisted read models almost alone, so each of them writes a transaction for one or two events. On
 * the embedded store all of these queue for the one connection the commands write through (BENCHMARKS.md). Paced,
 * the producer reads a few times a second whatever the load, and each read model writes what arrived meanwhile in
 * one transaction. The read models follow the store up to one interval later; nothing a nurse waits on reads them:
 * the alarm decisions and the live view are subscribing processors, handled in the command's own transaction.
 */
final class PacedTailingReads implements EventStorageEngine {

    private final EventStorageEngine engine;
    private final long intervalNanos;
    private long lastTailingRead;
    private boolean tailing;

    PacedTailingReads(EventStorageEngine engine, Duration interval) {
        this.engine = engine;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock) {
            awaitTurn();
        }
        return engine.readEvents(trackingToken, mayBlock);
    }

    private synchronized void awaitTurn() {
        long now = System.nanoTime();
        if (tailing) {
            long wait = lastTailingRead + intervalNanos - now;
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now = System.nanoTime();
            }
        }
        tailing = true;
        lastTailingRead = now;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engine.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engine.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }
}
