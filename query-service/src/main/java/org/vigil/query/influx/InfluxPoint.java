package org.vigil.query.influx;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * One point as Vigil means to write it. InfluxDB identifies a point by measurement, tag set and timestamp and
 * overwrites a point written again with the same identity: that is what makes a replay write nothing twice, so
 * every timestamp and tag here comes from the stored event, never from the clock at writing time.
 *
 * @param fields field values: {@link Double}, {@link Long} or {@link String}; numbers are written as floats
 */
record InfluxPoint(String measurement, Map<String, String> tags, Map<String, Object> fields, Instant time) {

    InfluxPoint {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(time, "time");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a point needs at least one field: " + measurement);
        }
        fields.values().forEach(InfluxPoint::requireFieldType);
    }

    /** A builder that leaves out tags and fields whose value is absent, as line protocol has no empty values. */
    static Builder of(String measurement, Instant time) {
        return new Builder(measurement, time);
    }

    /** Nanoseconds since the epoch: InfluxDB's own resolution, so no two distinct instants share a timestamp. */
    long epochNanos() {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }

    Point toPoint() {
        Point.Builder point = Point.measurement(measurement).time(epochNanos(), TimeUnit.NANOSECONDS).tag(tags);
        fields.forEach((name, value) -> {
            // Every number is written as a float, Longs too, as Point's former field(String, Object) wrote them:
            // the fields already stored have that type, and InfluxDB refuses a point that changes it.
            if (value instanceof Number number) {
                point.addField(name, number.doubleValue());
            } else {
                point.addField(name, (String) value);
            }
        });
        return point.build();
    }

    private static void requireFieldType(Object value) {
        if (!(value instanceof Double || value instanceof Long || value instanceof String)) {
            throw new IllegalArgumentException("field values are Double, Long or String, not " + value);
        }
    }

    /** Collects tags and fields, skipping absent ones. */
    static final class Builder {

        private final String measurement;
        private final Instant time;
        private final Map<String, String> tags = new TreeMap<>();
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder(String measurement, Instant time) {
            this.measurement = measurement;
            this.time = time;
        }

        Builder tag(String key, Object value) {
            if (value != null && !value.toString().isBlank()) {
                tags.put(key, value.toString());
            }
            return this;
        }

        Builder field(String key, Double value) {
            if (value != null && Double.isFinite(value)) {
                fields.put(key, value);
            }
            return this;
        }

        Builder field(String key, long value) {
            fields.put(key, value);
            return this;
        }

        Builder field(String key, String value) {
            if (value != null) {
                fields.put(key, value);
            }
            return this;
        }

        InfluxPoint build() {
            return new InfluxPoint(measurement, tags, fields, time);
        }
    }
}
