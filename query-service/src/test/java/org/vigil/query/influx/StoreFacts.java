package org.vigil.query.influx;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Vital;

/**
 * What the event store says, worked out by the test on its own from the stored events, to hold the dashboards'
 * query results against: the values at the device's time, the device messages, the alarms.
 */
final class StoreFacts {

    record Value(String chair, String session, String device, String vital, Instant time, double value) {
    }

    record Message(String device, Instant receivedAt, Double clockOffsetSeconds, double storeMillis) {
    }

    final List<Value> values;
    final List<Message> messages;
    final List<AlarmRaisedEvent> raised = new ArrayList<>();
    final List<AlarmAcknowledgedEvent> acknowledged = new ArrayList<>();
    final List<Object> alarmStateChanges = new ArrayList<>();
    final List<SessionStartedEvent> started = new ArrayList<>();

    StoreFacts(List<EventMessage<?>> events) {
        Map<String, Value> byIdentity = new LinkedHashMap<>();
        List<Message> messageList = new ArrayList<>();
        for (EventMessage<?> message : events) {
            Object payload = message.getPayload();
            if (payload instanceof ObservationsRecordedEvent e) {
                for (Observation o : e.observations()) {
                    if (o.value() == null) {
                        continue;
                    }
                    Instant at = o.deviceTime() != null ? o.deviceTime()
                            : e.deviceTime() != null ? e.deviceTime() : e.receivedAt();
                    String vital = Vital.ofMdcCode(o.mdcCode()).map(Vital::name).orElse(o.label());
                    String identity = e.deviceId() + "/" + o.mdcCode() + "@" + at;
                    byIdentity.remove(identity);
                    byIdentity.put(identity, new Value(String.valueOf(e.chairId()), String.valueOf(e.sessionId()),
                            e.deviceId().value(), vital, at, o.value()));
                }
                messageList.add(new Message(e.deviceId().value(), e.receivedAt(),
                        e.deviceTime() == null ? null : nanos(e.deviceTime(), e.receivedAt()) / 1e9,
                        nanos(e.receivedAt(), message.getTimestamp()) / 1e6));
            } else if (payload instanceof AlarmRaisedEvent e) {
                raised.add(e);
                alarmStateChanges.add(e);
            } else if (payload instanceof AlarmAcknowledgedEvent e) {
                acknowledged.add(e);
                alarmStateChanges.add(e);
            } else if (payload instanceof AlarmConditionEndedEvent || payload instanceof AlarmClearedEvent) {
                alarmStateChanges.add(payload);
            } else if (payload instanceof SessionStartedEvent e) {
                started.add(e);
            }
        }
        this.values = List.copyOf(byIdentity.values());
        this.messages = List.copyOf(messageList);
    }

    List<Value> values(String vital) {
        return values.stream().filter(v -> v.vital().equals(vital)).toList();
    }

    Optional<AlarmRaisedEvent> raise(AlarmAcknowledgedEvent ack) {
        return raised.stream().filter(r -> r.alarmId().equals(ack.alarmId())).findFirst();
    }

    Instant earliest() {
        return values.stream().map(Value::time).min(Instant::compareTo).orElseThrow();
    }

    Instant latest() {
        return values.stream().map(Value::time).max(Instant::compareTo).orElseThrow();
    }

    /** The start of InfluxDB's {@code GROUP BY time(interval)} bucket holding {@code at}: aligned to the epoch. */
    static Instant bucket(Instant at, Duration interval) {
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        long size = interval.toNanos();
        long start = Math.floorDiv(nanos, size) * size;
        return Instant.ofEpochSecond(Math.floorDiv(start, 1_000_000_000L), Math.floorMod(start, 1_000_000_000L));
    }

    /** Per bucket, the aggregate of the values that fall in it, rounded to 6 decimals. */
    static <T> Map<Instant, Double> perBucket(List<T> items, Function<T, Instant> time, Function<T, Double> value,
                                              Duration interval, Function<List<Double>, Double> aggregate) {
        Map<Instant, List<Double>> buckets = new TreeMap<>();
        items.stream().sorted((a, b) -> time.apply(a).compareTo(time.apply(b))).forEach(item ->
                buckets.computeIfAbsent(bucket(time.apply(item), interval), k -> new ArrayList<>())
                        .add(value.apply(item)));
        Map<Instant, Double> result = new TreeMap<>();
        buckets.forEach((at, list) -> result.put(at, round(aggregate.apply(list))));
        return result;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    static double count(List<Double> values) {
        return values.size();
    }

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static long nanos(Instant from, Instant to) {
        return Duration.between(from, to).toNanos();
    }
}
