package org.vigil.query.influx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Writes points to InfluxDB synchronously, in line protocol over {@code /write}, and throws when it cannot: the
 * caller (the projection, before its token moves on) must know, so that nothing is skipped.
 */
class InfluxWriter {

    /** InfluxDB's guidance is batches of about 5,000 points. */
    static final int POINTS_PER_REQUEST = 5_000;

    private final InfluxDB client;
    private final InfluxProperties properties;
    private final Clock clock;
    private final Counter pointsWritten;
    private final Counter writesFailed;
    private volatile boolean databaseReady;
    private volatile Instant lastWriteAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    InfluxWriter(InfluxDB client, InfluxProperties properties, Clock clock, MeterRegistry meters) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.pointsWritten = Counter.builder("vigil.influx.points").description("points written to InfluxDB")
                .register(meters);
        this.writesFailed = Counter.builder("vigil.influx.write.failures")
                .description("writes to InfluxDB that failed and will be retried").register(meters);
    }

    void write(List<InfluxPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        try {
            ensureDatabase();
            for (int from = 0; from < points.size(); from += POINTS_PER_REQUEST) {
                List<InfluxPoint> chunk = points.subList(from, Math.min(points.size(), from + POINTS_PER_REQUEST));
                BatchPoints.Builder batch = BatchPoints.database(properties.database())
                        .precision(TimeUnit.NANOSECONDS);
                if (properties.retentionPolicy() != null) {
                    batch.retentionPolicy(properties.retentionPolicy());
                }
                chunk.forEach(p -> batch.point(p.toPoint()));
                client.write(batch.build());
                pointsWritten.increment(chunk.size());
            }
            lastWriteAt = clock.instant();
            lastError = null;
        } catch (RuntimeException e) {
            databaseReady = false;
            writesFailed.increment();
            lastError = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            lastErrorAt = clock.instant();
            throw new InfluxUnavailableException("cannot write " + points.size() + " points to InfluxDB at "
                    + properties.url() + ": " + lastError, e);
        }
    }

    boolean reachable() {
        try {
            return client.ping().isGood();
        } catch (RuntimeException e) {
            return false;
        }
    }

    Optional<Instant> lastWriteAt() {
        return Optional.ofNullable(lastWriteAt);
    }

    /** The error of the last write, empty once a write succeeded again. */
    Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    Optional<Instant> lastErrorAt() {
        return Optional.ofNullable(lastErrorAt);
    }

    /** {@code CREATE DATABASE} is idempotent; it runs again after any failure, in case the database was dropped. */
    private void ensureDatabase() {
        if (databaseReady || !properties.createDatabase()) {
            return;
        }
        QueryResult result = client.query(new Query("CREATE DATABASE \"" + properties.database() + "\""));
        if (result.hasError()) {
            throw new IllegalStateException(result.getError());
        }
        databaseReady = true;
    }
}
