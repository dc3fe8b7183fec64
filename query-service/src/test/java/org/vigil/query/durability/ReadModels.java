package org.vigil.query.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.vigil.query.RunningVigil;

/**
 * What the screens and the API say, set against what the event store holds: the sessions list, each session's
 * message count, each device's message count and each chair's session and latest reading.
 */
final class ReadModels {

    private ReadModels() {
    }

    /**
     * Waits (read models may trail the store) until {@code vigil}'s read models agree with {@code stored}, for the
     * sessions {@code sessionsByChair} started at the load chairs.
     */
    static void assertAgree(RunningVigil vigil, StoredMessages stored, Map<String, String> sessionsByChair) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, JsonNode> sessions = byField(vigil.get("/api/sessions"), "sessionId");
            Map<String, JsonNode> devices = byField(vigil.get("/api/devices"), "deviceId");
            Map<String, JsonNode> chairs = byField(vigil.get("/api/chairs"), "chairId");
            sessionsByChair.forEach((chair, session) -> {
                assertThat(sessions).as("GET /api/sessions").containsKey(session);
                assertThat(sessions.get(session).path("chairId").asText()).isEqualTo(chair);
                assertThat(sessions.get(session).path("endedAt").isNull()).as("session %s is running", session)
                        .isTrue();
                assertThat(vigil.get("/api/sessions/" + session).path("observationMessages").asLong())
                        .as("messages of session %s at %s, GET /api/sessions/{id}", session, chair)
                        .isEqualTo(stored.forSession(session));
                JsonNode view = chairs.get(chair);
                assertThat(view).as("GET /api/chairs has %s", chair).isNotNull();
                assertThat(view.path("session").path("sessionId").asText()).isEqualTo(session);
                assertThat(Instant.parse(view.path("vitals").path("HEART_RATE").path("receivedAt").asText()))
                        .as("latest heart rate at %s, GET /api/chairs", chair)
                        .isEqualTo(stored.lastReceivedAt(chair));
            });
            LoadChairs.devices().forEach(device -> {
                assertThat(devices).as("GET /api/devices").containsKey(device);
                assertThat(devices.get(device).path("messagesRecorded").asLong())
                        .as("messages recorded from %s, GET /api/devices", device)
                        .isEqualTo(stored.forDevice(device));
            });
        });
    }

    private static Map<String, JsonNode> byField(JsonNode array, String field) {
        Map<String, JsonNode> byField = new HashMap<>();
        array.forEach(node -> byField.put(node.path(field).asText(), node));
        return byField;
    }
}
