package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.hl7.Hl7Counters;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.SimulatorStatistics;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The walking skeleton end to end: simulated monitors send IHE PCD-01 over real MLLP/TCP into the running
 * application with its embedded event store; the severe-hypertension alarm shows on {@code /api/chairs} and on
 * {@code /api/stream}; every message is acknowledged AA; a restart keeps every committed event.
 */
class ClinicEndToEndIT {

    @TempDir
    Path data;

    @Test
    void severeHypertensionFromASimulatedMonitorReachesTheChairsAndTheStreamAndSurvivesARestart() {
        long storedBeforeRestart;
        List<String> activeAlarmIds;
        try (RunningVigil vigil = RunningVigil.start(data, "sim-monitor-01=chair-1", "sim-monitor-02=chair-2")) {
            // given
            vigil.startSession("chair-1", 120, 80);
            vigil.startSession("chair-2", 125, 78);
            List<MonitorSpec> monitors = List.of(
                    MonitorSpec.numbered(1, Scenarios.NORMAL, 11),
                    MonitorSpec.numbered(2, Scenarios.SEVERE_HYPERTENSION, 12));
            ClinicSimulator simulator = new ClinicSimulator(monitors, "127.0.0.1", vigil.mllpPort(),
                    Clock.systemUTC(), 10.0);
            try (StreamRecorder stream = new StreamRecorder(vigil.uri("/api/stream"), RunningVigil.basic("nurse"))) {
                // when
                simulator.start();

                // then
                await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                        assertThat(activeAlarms(vigil.get("/api/chairs"), "chair-2"))
                                .anySatisfy(alarm -> {
                                    assertThat(alarm.path("rule").asText()).isEqualTo("severe-hypertension");
                                    assertThat(alarm.path("priority").asText()).isEqualTo("HIGH");
                                }));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(stream.named("alarm"))
                                .anySatisfy(e -> assertThat(e.data()).contains("severe-hypertension", "HIGH")));
                assertThat(stream.named("chair")).isNotEmpty();
            } finally {
                simulator.stop();
            }
            SimulatorStatistics statistics = simulator.statistics();
            assertThat(statistics.total().sent()).isGreaterThan(10);
            assertThat(statistics.total().hasFailures()).as("no AE, AR or unanswered message").isFalse();
            // the monitors stop mid-stream: at most the message each had on the wire is left unanswered
            assertThat(statistics.total().accepted())
                    .isBetween(statistics.total().sent() - monitors.size(), statistics.total().sent());
            Hl7Counters listener = vigil.mllpStatistics();
            // the message each monitor had on the wire when it stopped may still be on its way into the store:
            // wait until every frame received has its answer (or was dropped unanswered)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(listener.connectionsOpen()).as("monitors still connected").isZero();
                assertThat(listener.acksAccepted() + listener.acksError() + listener.acksRejected()
                        + listener.framesDropped()).as("frames answered or dropped")
                        .isEqualTo(listener.framesReceived() + listener.framesOversized());
            });
            assertThat(listener.acksError() + listener.acksRejected()).as("AE or AR sent").isZero();
            assertThat(listener.acksAccepted()).as("every stored message acknowledged AA")
                    .isEqualTo(listener.recorded() + listener.duplicates());

            JsonNode chairOne = chair(vigil.get("/api/chairs"), "chair-1");
            assertThat(chairOne.path("vitals").path("HEART_RATE").path("value").asDouble()).isBetween(30.0, 200.0);
            assertThat(chairOne.path("nextBpDueAt").asText()).isNotBlank();
            JsonNode trend = vigil.get("/api/chairs/chair-2/trends?minutes=30").path("points");
            assertThat(trend.path("HEART_RATE").size()).isGreaterThan(5);
            assertThat(StreamSupport.stream(trend.path("NIBP_SYSTOLIC").spliterator(), false))
                    .anySatisfy(point -> assertThat(point.path("v").asDouble()).isGreaterThan(180));
            assertThat(activeAlarms(vigil.get("/api/chairs"), "chair-1")).isEmpty();
            activeAlarmIds = activeAlarms(vigil.get("/api/chairs"), "chair-2").stream()
                    .map(alarm -> alarm.path("alarmId").asText()).toList();
            storedBeforeRestart = vigil.storedEvents();
            assertThat(storedBeforeRestart).isGreaterThan(statistics.total().sent());
        }

        // when the application restarts on the same store
        try (RunningVigil restarted = RunningVigil.start(data, "sim-monitor-01=chair-1", "sim-monitor-02=chair-2")) {
            // then every committed event is still there and the screen is rebuilt from them
            assertThat(restarted.storedEvents()).isEqualTo(storedBeforeRestart);
            assertThat(activeAlarms(restarted.get("/api/chairs"), "chair-2"))
                    .extracting(alarm -> alarm.path("alarmId").asText())
                    .containsExactlyInAnyOrderElementsOf(activeAlarmIds);
        }
    }

    @Test
    void theSessionRecordShowsTheAlarmAndCanBeReplayedToAMoment() {
        try (RunningVigil vigil = RunningVigil.start(data, "sim-monitor-01=chair-1")) {
            // given
            String session = vigil.startSession("chair-1", 125, 78).value();
            vigil.awaitReadModels();
            Instant beforeTheFirstMessage = Instant.now();
            ClinicSimulator simulator = new ClinicSimulator(
                    List.of(MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, 5)), "127.0.0.1",
                    vigil.mllpPort(), Clock.systemUTC(), 10.0);

            // when
            simulator.start();
            try {
                await().atMost(Duration.ofSeconds(45)).until(() ->
                        vigil.get("/api/sessions/" + session).path("alarms").size() > 0);
            } finally {
                simulator.stop();
            }

            // then
            JsonNode now = vigil.get("/api/sessions/" + session);
            assertThat(now.path("summary").path("chairId").asText()).isEqualTo("chair-1");
            assertThat(now.path("summary").path("protocol").path("version").asText()).isNotBlank();
            assertThat(now.path("observationMessages").asLong()).isPositive();
            assertThat(now.path("alarms").get(0).path("rule").asText()).isEqualTo("severe-hypertension");
            JsonNode atStart = vigil.get("/api/sessions/" + session + "/timeline?at=" + beforeTheFirstMessage);
            assertThat(atStart.path("session").path("sessionId").asText()).isEqualTo(session);
            assertThat(atStart.path("vitals")).isEmpty();
            assertThat(atStart.path("activeAlarms")).isEmpty();
            assertThat(vigil.get("/api/sessions").findValuesAsText("sessionId")).contains(session);
        }
    }

    private static JsonNode chair(JsonNode chairs, String chairId) {
        return StreamSupport.stream(chairs.spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(chairId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chair " + chairId + " in " + chairs));
    }

    private static List<JsonNode> activeAlarms(JsonNode chairs, String chairId) {
        return StreamSupport.stream(chair(chairs, chairId).path("activeAlarms").spliterator(), false).toList();
    }
}
