package org.vigil.query.influx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * How far the InfluxDB projection is behind the event store: the events stored after its token, and the age of
 * the oldest of them. Both are zero when it has caught up. Sampled at most once a second, as health checks and
 * metric scrapes ask for it.
 */
class ProjectionLag {

    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final Clock clock;
    private volatile TrackingToken lastKnownToken;
    private volatile boolean tokenKnown;
    private volatile Sample sample;

    ProjectionLag(EventProcessingConfiguration processing, EventStorageEngine storage, Clock clock) {
        this.processing = processing;
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * @param eventsBehind    events stored after the projection's token; empty before the processor reported one
     * @param oldestUnwritten age of the oldest of those events
     * @param processorError  the processor's last error while it is retrying, else empty
     */
    record Sample(Instant at, OptionalLong eventsBehind, Duration oldestUnwritten, Optional<String> processorError) {
    }

    synchronized Sample sample() {
        Instant now = clock.instant();
        Sample last = sample;
        if (last != null && Duration.between(last.at(), now).compareTo(SAMPLE_INTERVAL) < 0) {
            return last;
        }
        Optional<TrackingEventProcessor> processor = processing.eventProcessor(InfluxProjection.GROUP,
                TrackingEventProcessor.class);
        Collection<EventTrackerStatus> statuses = processor.map(p -> p.processingStatus().values())
                .orElse(List.of());
        if (!statuses.isEmpty()) {
            boolean fromTheStart = statuses.stream().anyMatch(s -> s.getTrackingToken() == null);
            lastKnownToken = fromTheStart ? null : statuses.stream().map(EventTrackerStatus::getTrackingToken)
                    .min(byPosition()).orElse(null);
            tokenKnown = true;
        }
        Optional<String> error = statuses.stream().filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError).filter(Objects::nonNull).map(Throwable::getMessage).findFirst();
        if (error.isEmpty() && processor.map(TrackingEventProcessor::isError).orElse(false)) {
            error = Optional.of("retrying after an error");
        }
        sample = tokenKnown ? measure(now, lastKnownToken, error)
                : new Sample(now, OptionalLong.empty(), Duration.ZERO, error);
        return sample;
    }

    private Sample measure(Instant now, TrackingToken token, Optional<String> error) {
        long head = position(storage.createHeadToken());
        long behind = Math.max(0, head - position(token));
        if (behind == 0) {
            return new Sample(now, OptionalLong.of(0), Duration.ZERO, error);
        }
        try (Stream<? extends TrackedEventMessage<?>> next = storage.readEvents(token, false)) {
            Duration age = next.findFirst().map(e -> Duration.between(e.getTimestamp(), now))
                    .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
            return new Sample(now, OptionalLong.of(behind), age, error);
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static Comparator<TrackingToken> byPosition() {
        return Comparator.comparingLong(ProjectionLag::position);
    }
}
