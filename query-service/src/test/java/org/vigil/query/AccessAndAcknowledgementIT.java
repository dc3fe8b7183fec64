package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.scenario.Scenarios;

/** Who may do what: anonymous requests are refused everywhere but health; acknowledgements are attributed. */
class AccessAndAcknowledgementIT {

    private static final List<String> PROTECTED = List.of("/api/chairs", "/api/stream", "/api/devices",
            "/api/sessions", "/api/sessions/any", "/api/sessions/any/timeline?at=2026-01-01T00:00:00Z",
            "/actuator/prometheus", "/actuator/metrics", "/");

    @TempDir
    Path data;

    @Test
    void refusesAnonymousRequestsEverywhereButHealth() {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // when / then
            PROTECTED.forEach(path -> assertThat(vigil.send("GET", path, null, null).statusCode())
                    .as("GET %s without credentials", path).isEqualTo(401));
            assertThat(vigil.send("POST", "/api/alarms/any/ack", null, null).statusCode()).isEqualTo(401);
            assertThat(vigil.send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void givesEachRoleWhatItNeedsAndNoMore() {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // when / then
            assertThat(vigil.send("GET", "/api/chairs", "nurse", null).statusCode()).isEqualTo(200);
            assertThat(vigil.send("GET", "/api/chairs", "director", null).statusCode()).isEqualTo(200);
            assertThat(vigil.send("GET", "/api/chairs", "engineer", null).statusCode()).isEqualTo(403);
            assertThat(vigil.send("GET", "/api/devices", "engineer", null).statusCode()).isEqualTo(200);
            assertThat(vigil.send("GET", "/actuator/prometheus", "engineer", null).statusCode()).isEqualTo(200);
            assertThat(vigil.send("POST", "/api/alarms/any/ack", "engineer", null).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void recordsWhoAcknowledgedAHighAlarm() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(data, "sim-monitor-01=chair-1")) {
            // given
            vigil.startSession("chair-1", 125, 78);
            ClinicSimulator simulator = new ClinicSimulator(
                    List.of(MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, 3)), "127.0.0.1",
                    vigil.mllpPort(), Clock.systemUTC(), 4.0);
            simulator.start();
            String alarmId;
            try {
                alarmId = await().atMost(Duration.ofSeconds(45)).until(() -> highAlarmId(vigil), id -> id != null);
            } finally {
                simulator.stop();
            }

            // when
            var response = vigil.send("POST", "/api/alarms/" + alarmId + "/ack", "nurse", null);

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode acknowledged = new ObjectMapper().readTree(response.body());
            assertThat(acknowledged.path("acknowledgedBy").asText()).isEqualTo("nurse");
            vigil.awaitReadModels();
            JsonNode session = vigil.get("/api/sessions/" + acknowledged.path("sessionId").asText(), "director");
            assertThat(StreamSupport.stream(session.path("alarms").spliterator(), false))
                    .anySatisfy(alarm -> {
                        assertThat(alarm.path("alarmId").asText()).isEqualTo(alarmId);
                        assertThat(alarm.path("acknowledgedBy").asText()).isEqualTo("nurse");
                        assertThat(alarm.path("acknowledgedAt").asText()).isNotBlank();
                    });
        }
    }

    private static String highAlarmId(RunningVigil vigil) {
        for (JsonNode chair : vigil.get("/api/chairs")) {
            for (JsonNode alarm : chair.path("activeAlarms")) {
                if (alarm.path("priority").asText().equals("HIGH")) {
                    return alarm.path("alarmId").asText();
                }
            }
        }
        return null;
    }
}
