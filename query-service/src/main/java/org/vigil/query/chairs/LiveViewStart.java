package org.vigil.query.chairs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.session.ChairOccupancy;

/**
 * Builds the live chair view when the application starts, before the processors start and before any device is
 * listened to: the running sessions come from the command side ({@link ChairOccupancy}), and each one's own
 * stream is folded from its first event into the chairs and their trends — a few hours of one session each, never
 * the whole store; sessions are folded side by side. Devices known to be offline are shown offline at once; every other link state comes from the
 * devices' connections as they report. Nothing is decided and nothing is sent.
 */
@Component
class LiveViewStart implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveViewStart.class);

    private final ChairOccupancy occupancy;
    private final EventStore eventStore;
    private final ChairsProjection chairs;
    private final DeviceOutages outages;
    private final List<AnnotationEventHandlerAdapter> views;
    private volatile boolean running;

    LiveViewStart(ChairOccupancy occupancy, EventStore eventStore, ChairsProjection chairs, ChairTrends trends,
                  DeviceOutages outages) {
        this.occupancy = occupancy;
        this.eventStore = eventStore;
        this.chairs = chairs;
        this.outages = outages;
        this.views = Stream.of(chairs, trends).map(AnnotationEventHandlerAdapter::new).toList();
    }

    @Override
    public void start() {
        long began = System.nanoTime();
        Map<ChairId, SessionId> sessions = occupancy.running();
        long folded = foldAll(List.copyOf(sessions.values()));
        outages.all().stream().filter(outage -> outage.chairId() != null)
                .forEach(outage -> chairs.linkOffline(outage.chairId(), outage.deviceId(), true));
        log.info("Live view of {} running sessions folded from {} of their events in {} ms", sessions.size(),
                folded, (System.nanoTime() - began) / 1_000_000);
        running = true;
    }

    /**
     * Folds the sessions side by side, one thread per processor: each session has a chair of its own, so their
     * folds touch different state.
     */
    private long foldAll(List<SessionId> sessions) {
        int threads = Math.max(1, Math.min(sessions.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService folders = Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("live-view-"));
        try {
            List<Future<Long>> folds = folders.invokeAll(sessions.stream()
                    .map(session -> (Callable<Long>) () -> fold(session)).toList());
            long folded = 0;
            for (Future<Long> fold : folds) {
                folded += fold.get();
            }
            return folded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the live view was folded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot fold the running sessions into the live view", e.getCause());
        } finally {
            folders.shutdownNow();
        }
    }

    private long fold(SessionId session) {
        long folded = 0;
        DomainEventStream events = eventStore.readEvents(session.value(), 0L);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            folded++;
            for (AnnotationEventHandlerAdapter view : views) {
                handle(view, event);
            }
        }
        return folded;
    }

    private static void handle(AnnotationEventHandlerAdapter view, DomainEventMessage<?> event) {
        try {
            if (view.canHandle(event)) {
                view.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot fold event " + event.getIdentifier() + " of session "
                    + event.getAggregateIdentifier() + " into the live view", e);
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
