package org.vigil.query.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.ChairId;
import org.vigil.query.store.EventSerializers;

/**
 * What the stored form costs in CPU and saves in bytes, per observation event: the store's serializer
 * ({@link EventSerializers#store()}, dictionary-compressed JSON) against the serializer Vigil stored with before
 * (Axon's Jackson serializer, JSON text), each writing and reading the same simulated events on one thread, in
 * alternating rounds after a warm-up. Part of the store benchmark ({@link StoreBenchmark}).
 */
final class StoredFormCost {

    private static final int EVENTS = 2_000;
    private static final int ROUNDS = 10;
    static final String METHOD = "CPU of the stored form: each serializer writes and reads the payloads of " + EVENTS
            + " simulated observation events, " + ROUNDS + " rounds after 2 of warm-up, alternating, on one thread.";

    private StoredFormCost() {
    }

    /** The measurement as a Markdown table. */
    static List<String> table() {
        List<ObservationsRecordedEvent> events = events();
        Serializer before = JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();
        Serializer now = EventSerializers.store();
        Cost jsonText = new Cost("JSON text (before)");
        Cost compressed = new Cost("dictionary-compressed JSON (now)");
        for (int round = 0; round < ROUNDS + 2; round++) {
            boolean warmUp = round < 2;
            if (round % 2 == 0) {
                jsonText.measure(before, events, warmUp);
                compressed.measure(now, events, warmUp);
            } else {
                compressed.measure(now, events, warmUp);
                jsonText.measure(before, events, warmUp);
            }
        }
        List<String> table = new ArrayList<>(List.of(
                "| stored form of the payload | bytes per event | write (µs per event) | read (µs per event) |",
                "|---|---:|---:|---:|", jsonText.row(), compressed.row()));
        table.addAll(MetadataCost.table(now));
        return table;
    }

    private static List<ObservationsRecordedEvent> events() {
        SimulatedObservations monitors = new SimulatedObservations(6, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<ObservationsRecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            int monitor = i % 6 + 1;
            DeviceObservations message = monitors.next(monitor);
            events.add(ObservationsRecordedEvent.of(new SessionId("6855344a-e7e2-472e-b814-d2b1c757fdc" + monitor),
                    new ChairId("chair-" + monitor), message));
        }
        return events;
    }

    private static final class Cost {
        private final String name;
        private long bytes;
        private long writeNanos;
        private long readNanos;
        private long count;

        Cost(String name) {
            this.name = name;
        }

        void measure(Serializer serializer, List<ObservationsRecordedEvent> events, boolean warmUp) {
            List<SerializedObject<byte[]>> stored = new ArrayList<>(events.size());
            long start = System.nanoTime();
            for (ObservationsRecordedEvent event : events) {
                stored.add(serializer.serialize(event, byte[].class));
            }
            long written = System.nanoTime();
            for (SerializedObject<byte[]> data : stored) {
                if (!events.get(0).getClass().isInstance(serializer.deserialize(data))) {
                    throw new IllegalStateException("not read back");
                }
            }
            long read = System.nanoTime();
            if (!warmUp) {
                writeNanos += written - start;
                readNanos += read - written;
                count += events.size();
                bytes += stored.stream().mapToLong(data -> data.getData().length).sum();
            }
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |", name, (double) bytes / count,
                    writeNanos / 1e3 / count, readNanos / 1e3 / count);
        }
    }
}
