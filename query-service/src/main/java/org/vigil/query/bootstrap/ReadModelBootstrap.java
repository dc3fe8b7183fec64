package org.vigil.query.bootstrap;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.vigil.query.chairs.ChairTrends;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.devices.DevicesProjection;
import org.vigil.query.sessions.SessionsProjection;

/**
 * Rebuilds the in-memory read models from the event store when the application starts, before the event
 * processors start and before any device is listened to. It only folds stored events into views: no command is
 * sent and no alarm is decided again.
 */
@Component
class ReadModelBootstrap implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBootstrap.class);

    private final EventStorageEngine storage;
    private final List<AnnotationEventHandlerAdapter> readModels;
    private volatile boolean running;

    ReadModelBootstrap(EventStorageEngine storage, ChairsProjection chairs, ChairTrends trends,
                       DevicesProjection devices, SessionsProjection sessions) {
        this.storage = storage;
        this.readModels = Stream.of(chairs, trends, devices, sessions).map(AnnotationEventHandlerAdapter::new)
                .toList();
    }

    @Override
    public void start() {
        AtomicLong count = new AtomicLong();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(event -> {
                count.incrementAndGet();
                readModels.forEach(model -> handle(model, event));
            });
        }
        log.info("Read models rebuilt from {} stored events", count.get());
        running = true;
    }

    private static void handle(AnnotationEventHandlerAdapter model, TrackedEventMessage<?> event) {
        try {
            if (model.canHandle(event)) {
                model.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot rebuild read model from event " + event.getIdentifier(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's processors (which start in a late phase) begin to deliver new events. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
