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

        try (RunningVigil vigil = RunningVigil.start(data)) {
            // then every event is there, in the same order, with the same aggregate, sequence number and payload
            assertThat(stored(vigil)).containsExactlyElementsOf(before);
            assertThat(data.resolve("vigil.mv.db")).doesNotExist();
            assertThat(data.resolve("vigil.mv.db.imported")).exists();
            assertThat(data.resolve("vigil.db")).exists();

            // when a session of the H2 store records one more message
            SessionId session = new SessionId(before.get(0).path("aggregate").asText());
            vigil.command(new RecordObservationsCommand(session, new DeviceObservations(new DeviceId("monitor-a"),
                    new MessageKey("GATEWAY-1", "after-import"), null, java.time.Instant.now(),
                    List.of(Observation.of(Vital.HEART_RATE, 74, null)))));

            // then it follows the session's last stored event
            long lastBefore = before.stream().filter(event -> event.path("aggregate").asText()
                    .equals(session.value())).mapToLong(event -> event.path("sequence").asLong()).max().orElseThrow();
            List<JsonNode> after = stored(vigil);
            assertThat(after).hasSize(before.size() + 1);
            assertThat(after.get(after.size() - 1).path("aggregate").asText()).isEqualTo(session.value());
            assertThat(after.get(after.size() - 1).path("sequence").asLong()).isEqualTo(lastBefore + 1);
        }

        // and a restart neither imports again nor loses anything
        try (RunningVigil restarted = RunningVigil.start(data)) {
            assertThat(restarted.storedEvents()).isEqualTo(before.size() + 1);
        }
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
