package org.vigil.query.influx;

import static org.vigil.query.influx.InfluxSchema.TAG_INSTANCE;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes Vigil's own meters ({@code vigil.*}: MLLP frames, decode failures, acknowledgements, the projection's
 * lag) to InfluxDB at a fixed interval, for the Engineering dashboard. These are samples of the running
 * process, not of the event store: a replay does not rewrite them, and while InfluxDB is down they are lost
 * rather than queued.
 */
class MeterSnapshots implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeterSnapshots.class);
    private static final String PREFIX = "vigil.";

    private final MeterRegistry meters;
    private final InfluxWriter writer;
    private final Clock clock;
    private final InfluxProperties properties;
    private final String instance;
    private ScheduledExecutorService timer;

    MeterSnapshots(MeterRegistry meters, InfluxWriter writer, Clock clock, InfluxProperties properties,
                   String instance) {
        this.meters = meters;
        this.writer = writer;
        this.clock = clock;
        this.properties = properties;
        this.instance = instance;
    }

    /** One point per {@code vigil.*} meter: measurement is the meter's name with underscores, one field per statistic. */
    List<InfluxPoint> snapshot() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<InfluxPoint> points = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            String name = meter.getId().getName();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            InfluxPoint.Builder point = InfluxPoint.of(name.replace('.', '_'), now).tag(TAG_INSTANCE, instance);
            for (Tag tag : meter.getId().getTagsAsIterable()) {
                point.tag(tag.getKey(), tag.getValue());
            }
            boolean any = false;
            for (Measurement measurement : meter.measure()) {
                if (Double.isFinite(measurement.getValue())) {
                    point.field(measurement.getStatistic().name().toLowerCase(Locale.ROOT), measurement.getValue());
                    any = true;
                }
            }
            if (any) {
                points.add(point.build());
            }
        }
        return points;
    }

    void writeSnapshot() {
        try {
            writer.write(snapshot());
        } catch (RuntimeException e) {
            log.debug("meters not written: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "influx-meters");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.meterInterval().toMillis();
        timer.scheduleWithFixedDelay(this::writeSnapshot, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
