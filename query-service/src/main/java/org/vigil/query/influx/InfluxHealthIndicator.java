package org.vigil.query.influx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code influx} component of {@code /actuator/health}: whether InfluxDB answers and how far the projection
 * is behind. When InfluxDB is down or the projection lags, the component says {@value #DEGRADED} — a status the
 * overall health does not aggregate, because ingest, alarms and the live page still work and a load balancer
 * must not take the node out for it.
 */
class InfluxHealthIndicator implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final InfluxWriter writer;
    private final ProjectionLag lag;
    private final InfluxProperties properties;

    InfluxHealthIndicator(InfluxWriter writer, ProjectionLag lag, InfluxProperties properties) {
        this.writer = writer;
        this.lag = lag;
        this.properties = properties;
    }

    @Override
    public Health health() {
        ProjectionLag.Sample sample = lag.sample();
        boolean reachable = writer.reachable();
        boolean lagging = sample.oldestUnwritten().compareTo(properties.lagTolerance()) > 0;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", properties.url());
        details.put("database", properties.database());
        details.put("reachable", reachable);
        sample.eventsBehind().ifPresent(behind -> details.put("lagEvents", behind));
        details.put("lagSeconds", sample.oldestUnwritten().toMillis() / 1000.0);
        writer.lastWriteAt().ifPresent(at -> details.put("lastWriteAt", at.toString()));
        writer.lastError().ifPresent(error -> details.put("lastWriteError", error));
        sample.processorError().ifPresent(error -> details.put("processorError", error));
        Status status = reachable && !lagging && sample.processorError().isEmpty()
                ? Status.UP
                : new Status(DEGRADED, reachable ? "the time series lag behind the event store"
                        : "InfluxDB does not answer; points are written when it returns");
        return Health.status(status).withDetails(details).build();
    }
}
