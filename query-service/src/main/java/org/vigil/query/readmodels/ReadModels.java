package org.vigil.query.readmodels;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.vigil.query.support.ProcessingGroups;

/**
 * The persisted read models, all behind one streaming processor ({@value ProcessingGroups#READ_MODELS_PROCESSOR}):
 * how far they have come, and a rebuild — the processor stopped, its token reset to the first event (the read
 * models' {@code @ResetHandler}s empty their tables in the same transaction) and started again, replaying the whole
 * store into every read model while the application runs. A rebuild asked for by one read model's name rebuilds
 * them all: they share the processor and its token, and each event is read and deserialised once for all of them.
 */
@Component
public class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    /** How long a rebuild waits for the processor to stop, and then to claim its segment again. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(20);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ReadModels(@Lazy EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * How a read model stands.
     *
     * @param position  the global position of the last event it handled, {@code -1} before the first
     * @param head      the global position of the last event stored
     * @param rebuilding whether it is rebuilding and has not yet reached the event that was last when it began
     * @param caughtUp  whether it has handled every event stored when it last looked
     * @param error     the error it is retrying after, {@code null} when there is none
     */
    public record Status(String name, long position, long head, boolean running, boolean rebuilding,
                         boolean caughtUp, String error) {
    }

    public List<String> names() {
        return ProcessingGroups.READ_MODELS;
    }

    public List<Status> all() {
        return names().stream().map(this::status).flatMap(Optional::stream).toList();
    }

    public Optional<Status> status(String name) {
        long head = position(eventStore.createHeadToken());
        return processor(name).map(processor -> {
            Collection<EventTrackerStatus> segments = processor.processingStatus().values();
            long position = segments.stream().mapToLong(s -> position(s.getTrackingToken())).min().orElse(-1);
            String error = segments.stream().filter(EventTrackerStatus::isErrorState).map(EventTrackerStatus::getError)
                    .filter(Objects::nonNull).map(Throwable::getMessage).findFirst().orElse(null);
            return new Status(name, position, head, processor.isRunning(),
                    segments.stream().anyMatch(ReadModels::rebuilding),
                    !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp), error);
        });
    }

    /**
     * Rebuilds every read model from the first stored event (the read model {@code name} with the others, as they
     * share one processor); it answers once the rebuild has begun, that is once the restarted processor holds its
     * segment again. A rebuild asked for while one is still replaying joins it rather than starting over: the one
     * under way already ends with every event stored.
     *
     * @return empty when there is no read model of that name
     */
    public synchronized Optional<Status> rebuild(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.ifPresent(processor -> {
            if (replaying(processor)) {
                log.info("A rebuild of the read models {} is under way; {} joins it", names(), name);
                return;
            }
            log.info("Rebuilding the read models {} from the first stored event, asked for by {}", names(), name);
            processor.shutDown();
            awaitUntil(() -> workersStopped(processor), "its workers to stop");
            processor.resetTokens();
            processor.start();
            if (!awaitUntil(() -> !processor.processingStatus().isEmpty(), "it to claim its segment")) {
                // Axon's processor can end up started without a worker when it is restarted while its last worker
                // is still giving its thread back; a second start of a stopped processor claims the segment.
                processor.shutDown();
                awaitUntil(() -> workersStopped(processor), "its workers to stop");
                processor.start();
            }
        });
        return found.flatMap(processor -> status(name));
    }

    private static boolean replaying(StreamingEventProcessor processor) {
        return processor.isRunning() && processor.processingStatus().values().stream()
                .anyMatch(ReadModels::rebuilding);
    }

    private static boolean workersStopped(StreamingEventProcessor processor) {
        return !(processor instanceof TrackingEventProcessor tracking) || tracking.activeProcessorThreads() == 0;
    }

    /** Waits up to {@link #RESTART_WAIT} for {@code condition}; says so in the log when it did not come. */
    private static boolean awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                log.warn("The read models' processor did not get {} within {}", what, RESTART_WAIT);
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return true;
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        return processing.eventProcessorByProcessingGroup(name, StreamingEventProcessor.class);
    }

    /**
     * Whether a rebuild has not yet reached the event that was last when it began. (Axon calls a processor
     * replaying until it handles an event stored after the rebuild began, which may be long after.) The status's
     * reset and current positions are read, not its token, which Axon hands out with the replay unwrapped.
     */
    static boolean rebuilding(EventTrackerStatus segment) {
        OptionalLong reset = segment.getResetPosition();
        return reset.isPresent() && segment.getCurrentPosition().orElse(-1) < reset.getAsLong();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
