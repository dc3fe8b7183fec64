package org.vigil.query.chairs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Vital;
import org.vigil.query.support.AfterCommit;
import org.vigil.query.support.ProcessingGroups;

/**
 * The last hour of heart rate and blood pressure per chair, for the short trends on a tile. Bounded by time:
 * older points are dropped as new ones arrive; a new session starts an empty trend.
 */
@Component
@ProcessingGroup(ProcessingGroups.LIVE_VIEW)
public class ChairTrends {

    /** A value at a moment, as the page draws it: epoch milliseconds and value. */
    public record Point(long t, double v) {
    }

    public record Trend(ChairId chairId, Map<Vital, List<Point>> points) {
    }

    static final Duration KEPT = Duration.ofMinutes(60);
    private static final Set<Vital> TRENDED = Set.of(Vital.HEART_RATE, Vital.NIBP_SYSTOLIC, Vital.NIBP_DIASTOLIC);

    private final Map<ChairId, Map<Vital, Deque<Point>>> trends = new ConcurrentHashMap<>();
    private final Clock clock;

    public ChairTrends(Clock clock) {
        this.clock = clock;
    }

    public Trend last(ChairId chair, Duration span) {
        long from = clock.instant().minus(span).toEpochMilli();
        Map<Vital, List<Point>> points = new EnumMap<>(Vital.class);
        Map<Vital, Deque<Point>> series = trends.getOrDefault(chair, Map.of());
        TRENDED.forEach(vital -> {
            Deque<Point> values = series.get(vital);
            if (values == null) {
                points.put(vital, List.of());
                return;
            }
            synchronized (values) {
                points.put(vital, values.stream().filter(p -> p.t() >= from).toList());
            }
        });
        return new Trend(chair, points);
    }

    /** A chair's trends as kept, every point, for a snapshot of the live view. */
    Map<Vital, List<Point>> export(ChairId chair) {
        Map<Vital, List<Point>> points = new EnumMap<>(Vital.class);
        trends.getOrDefault(chair, Map.of()).forEach((vital, values) -> {
            synchronized (values) {
                points.put(vital, List.copyOf(values));
            }
        });
        return points;
    }

    /** Puts back a chair's trends from a snapshot of the live view. */
    void restore(ChairId chair, Map<Vital, List<Point>> points) {
        Map<Vital, Deque<Point>> series = new ConcurrentHashMap<>();
        points.forEach((vital, values) -> series.put(vital, new ArrayDeque<>(values)));
        trends.put(chair, series);
    }

    @EventHandler
    public void on(SessionStartedEvent event) {
        AfterCommit.run(() -> trends.remove(event.chairId()));
    }

    @EventHandler
    public void on(ObservationsRecordedEvent event) {
        if (event.sessionId() == null || event.chairId() == null) {
            return;
        }
        AfterCommit.run(() -> {
            Map<Vital, Deque<Point>> series = trends.computeIfAbsent(event.chairId(),
                    c -> new ConcurrentHashMap<>());
            event.observations().forEach(o -> o.vital().filter(TRENDED::contains).ifPresent(vital -> {
                if (o.value() == null) {
                    return;
                }
                Instant measured = event.deviceTimeOf(o);
                Instant at = measured != null ? measured : event.receivedAt();
                Deque<Point> values = series.computeIfAbsent(vital, v -> new ArrayDeque<>());
                synchronized (values) {
                    values.addLast(new Point(at.toEpochMilli(), o.value()));
                    long oldest = event.receivedAt().minus(KEPT).toEpochMilli();
                    while (!values.isEmpty() && values.peekFirst().t() < oldest) {
                        values.removeFirst();
                    }
                }
            }));
        });
    }
}
