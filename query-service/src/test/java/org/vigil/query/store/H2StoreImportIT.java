package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;

/**
 * A clinic's record in the H2 store Vigil used before (test resources {@code stores/h2-before-sqlite/}, written by
 * that Vigil, with JSON payloads, correlation metadata and snapshots) is brought over into the SQLite store when
 * Vigil first starts on it: every event, unchanged, and the sessions go on where they stood.
 */
class H2StoreImportIT {

    private static final String FIXTURE = "/stores/h2-before-sqlite/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void everyEventOfTheH2StoreIsInTheNewStoreAndItsSessionsGoOn() throws IOException {
        // given a data directory as a clinic's Vigil left it
        copy("vigil.mv.db", data.resolve("vigil.mv.db"));
        List<JsonNode> before = expectedEvents();
        assertThat(before).hasSize(103);

        List<JsonNode> atClose;
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // then every event is there, in the same order, with the same aggregate, sequence number and payload;
            // what follows them can only be Vigil escalating an alarm the record left unacknowledged long ago
            List<JsonNode> imported = stored(vigil);
            assertThat(imported.subList(0, before.size())).containsExactlyElementsOf(before);
            assertOnlyEscalations(imported.subList(before.size(), imported.size()));
            assertThat(data.resolve("vigil.mv.db")).doesNotExist();
            assertThat(data.resolve("vigil.mv.db.imported")).exists();
            assertThat(data.resolve("vigil.db")).exists();

            // when a session of the H2 store records one more message
            SessionId session = new SessionId(before.get(0).path("aggregate").asText());
            vigil.command(new RecordObservationsCommand(session, new DeviceObservations(new DeviceId("monitor-a"),
                    new MessageKey("GATEWAY-1", "after-import"), null, java.time.Instant.now(),
                    List.of(Observation.of(Vital.HEART_RATE, 74, null)))));

            // then it is stored once, in that session's stream
            atClose = stored(vigil);
            List<JsonNode> recorded = atClose.stream()
                    .filter(event -> event.path("payload").toString().contains("after-import")).toList();
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).path("aggregate").asText()).isEqualTo(session.value());
            assertThat(recorded.get(0).path("type").asText()).endsWith("ObservationsRecordedEvent");
            long lastBefore = before.stream().filter(event -> event.path("aggregate").asText()
                    .equals(session.value())).mapToLong(event -> event.path("sequence").asLong()).max().orElseThrow();
            assertThat(recorded.get(0).path("sequence").asLong()).as("follows the session's imported events")
                    .isGreaterThan(lastBefore);
            assertThat(atClose.subList(0, before.size())).containsExactlyElementsOf(before);
            assertOnlyEscalations(atClose.subList(before.size(), atClose.size()).stream()
                    .filter(event -> !recorded.contains(event)).toList());
        }

        // and a restart neither imports again nor loses anything
        try (RunningVigil restarted = RunningVigil.start(data)) {
            List<JsonNode> afterRestart = stored(restarted);
            assertThat(afterRestart.subList(0, atClose.size())).containsExactlyElementsOf(atClose);
            assertOnlyEscalations(afterRestart.subList(atClose.size(), afterRestart.size()));
        }
    }

    private static void assertOnlyEscalations(List<JsonNode> events) {
        assertThat(events).as("events Vigil added itself after the import")
                .allSatisfy(event -> assertThat(event.path("type").asText()).endsWith("AlarmEscalatedEvent"));
    }

    /** Every stored event as the fixture lists them: aggregate, sequence, type and payload as Vigil's JSON. */
    private static List<JsonNode> stored(RunningVigil vigil) {
        ObjectMapper json = EventSerializers.json();
        List<JsonNode> events = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = vigil.context().getBean(EventStorageEngine.class)
                .readEvents(null, false)) {
            stream.forEach(event -> {
                DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
                events.add(normalised(JSON.createObjectNode()
                        .put("aggregate", domain.getAggregateIdentifier())
                        .put("sequence", domain.getSequenceNumber())
                        .put("type", domain.getPayloadType().getName())
                        .set("payload", json.valueToTree(domain.getPayload())), json));
            });
        }
        return events;
    }

    private static List<JsonNode> expectedEvents() throws IOException {
        try (InputStream in = H2StoreImportIT.class.getResourceAsStream(FIXTURE + "events.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isBlank()).map(line -> normalised(read(line), JSON)).toList();
        }
    }

    /** As text and back, so that numbers compare by their JSON, not by how a tree holds them. */
    private static JsonNode normalised(JsonNode node, ObjectMapper writer) {
        try {
            return JSON.readTree(writer.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = H2StoreImportIT.class.getResourceAsStream(FIXTURE + resource)) {
            Files.copy(in, target);
        }
    }
}
