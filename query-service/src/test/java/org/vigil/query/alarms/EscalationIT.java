package org.vigil.query.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;
import org.vigil.query.ProtocolFile;
import org.vigil.query.RunningVigil;
import org.vigil.query.StreamRecorder;

/**
 * Escalation of an unacknowledged HIGH alarm to the charge nurse / provider after the clinic protocol's interval
 * (60 s by default, docs/DOMAIN.md; IHE PCD ACM secondary notification), through the running application with
 * simulated monitors over MLLP: pushed on {@code /api/stream}, kept with the alarm, not done for an acknowledged
 * alarm, and still done when the application was restarted in between, because the deadline is derived from the
 * stored raise. The protocol here escalates sooner than the default, so as not to wait a clinical minute.
 */
class EscalationIT {

    private static final Duration ESCALATION = Duration.ofSeconds(10);
    /** Long enough for the application to stop and start again before the deadline. */
    private static final Duration ESCALATION_ACROSS_RESTART = Duration.ofSeconds(20);
    private static final Duration TOLERANCE = Duration.ofSeconds(2);
    private static final ScriptedScenario SEVERE_HYPERTENSION = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 190),
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 95));

    @TempDir
    Path data;

    @Test
    void anUnacknowledgedHighAlarmEscalatesAfterTheIntervalAndAnAcknowledgedOneDoesNot() {
        try (RunningVigil vigil = start(ESCALATION, "sim-monitor-01=chair-1", "sim-monitor-02=chair-2");
             StreamRecorder stream = new StreamRecorder(vigil.uri("/api/stream"), RunningVigil.basic("nurse"))) {
            // given
            String unanswered = vigil.startSession("chair-1", 160, 95).value();
            String answered = vigil.startSession("chair-2", 160, 95).value();
            ClinicSimulator simulator = new ClinicSimulator(List.of(MonitorSpec.numbered(1, SEVERE_HYPERTENSION, 1),
                    MonitorSpec.numbered(2, SEVERE_HYPERTENSION, 2)), "127.0.0.1", vigil.mllpPort(),
                    Clock.systemUTC(), 1.0);
            simulator.start();
            try {
                JsonNode ignored = raisedHigh(vigil, unanswered);
                JsonNode acknowledged = raisedHigh(vigil, answered);

                // when
                var ack = vigil.send("POST", "/api/alarms/" + id(acknowledged) + "/ack", "nurse", null);
                assertThat(ack.statusCode()).isEqualTo(200);

                // then
                await().atMost(ESCALATION.plusSeconds(15)).untilAsserted(() ->
                        assertThat(escalations(stream, id(ignored))).hasSize(1));
                JsonNode pushed = RunningVigil.json(escalations(stream, id(ignored)).get(0).data());
                assertThat(pushed.path("escalatedTo").asText()).isEqualTo("charge nurse / provider");
                assertThat(Duration.between(instant(pushed, "raisedAt"), instant(pushed, "escalatedAt")))
                        .isBetween(ESCALATION.minus(TOLERANCE), ESCALATION.plus(TOLERANCE));

                Instant pastDeadline = instant(acknowledged, "raisedAt").plus(ESCALATION).plus(TOLERANCE);
                await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(pastDeadline));
                assertThat(escalations(stream, id(acknowledged))).isEmpty();
                vigil.awaitReadModels();
                JsonNode record = alarm(vigil.get("/api/sessions/" + answered + "/alarms", "director"),
                        id(acknowledged));
                assertThat(record.path("acknowledgedBy").asText()).isEqualTo("nurse");
                assertThat(record.path("timeToAcknowledge").isNull()).isFalse();
                assertThat(record.path("escalatedAt").isNull()).isTrue();
                JsonNode escalatedRecord = alarm(vigil.get("/api/sessions/" + unanswered + "/alarms", "director"),
                        id(ignored));
                assertThat(escalatedRecord.path("escalatedTo").asText()).isEqualTo("charge nurse / provider");
                assertThat(escalatedRecord.path("acknowledgedBy").isNull()).isTrue();
            } finally {
                simulator.stop();
            }
        }
    }

    @Test
    void theEscalationStillFiresWhenTheApplicationRestartedBetweenTheRaiseAndTheDeadline() {
        String session;
        JsonNode raised;
        try (RunningVigil vigil = start(ESCALATION_ACROSS_RESTART, "sim-monitor-01=chair-1")) {
            // given
            session = vigil.startSession("chair-1", 160, 95).value();
            ClinicSimulator simulator = new ClinicSimulator(List.of(MonitorSpec.numbered(1, SEVERE_HYPERTENSION, 1)),
                    "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 1.0);
            simulator.start();
            try {
                raised = raisedHigh(vigil, session);
            } finally {
                simulator.stop();
            }
            vigil.awaitReadModels();
            assertThat(alarm(vigil.get("/api/sessions/" + session + "/alarms", "director"), id(raised))
                    .path("escalatedAt").isNull()).isTrue();
        }

        // when the application is stopped before the deadline and started again on the same store
        Instant deadline = instant(raised, "raisedAt").plus(ESCALATION_ACROSS_RESTART);
        try (RunningVigil restarted = start(ESCALATION_ACROSS_RESTART, "sim-monitor-01=chair-1");
             StreamRecorder stream = new StreamRecorder(restarted.uri("/api/stream"), RunningVigil.basic("nurse"))) {
            assertThat(Instant.now()).as("the restart is done before the escalation is due").isBefore(deadline);

            // then
            await().atMost(ESCALATION_ACROSS_RESTART).untilAsserted(() ->
                    assertThat(escalations(stream, id(raised))).hasSize(1));
            restarted.awaitReadModels();
            JsonNode record = alarm(restarted.get("/api/sessions/" + session + "/alarms", "director"), id(raised));
            assertThat(Duration.between(instant(record, "raisedAt"), instant(record, "escalatedAt"))).isBetween(
                    ESCALATION_ACROSS_RESTART.minus(TOLERANCE), ESCALATION_ACROSS_RESTART.plus(TOLERANCE));
        }
    }

    /** Starts Vigil on the test's store with a protocol that escalates a HIGH alarm after {@code interval}. */
    private RunningVigil start(Duration interval, String... deviceBindings) {
        List<String> properties = new ArrayList<>(RunningVigil.devices(deviceBindings));
        properties.add(ProtocolFile.write(data.resolve("clinic-protocol.yml"),
                Map.of("highUnacknowledgedSeconds: 60", "highUnacknowledgedSeconds: " + interval.toSeconds())));
        return RunningVigil.startWith(data.resolve("store"), properties);
    }

    /** Waits for the session's severe-hypertension alarm and returns its record. */
    private static JsonNode raisedHigh(RunningVigil vigil, String session) {
        vigil.awaitReadModels();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(vigil.get("/api/sessions/" + session + "/alarms", "director")).hasSize(1));
        JsonNode alarm = only(vigil.get("/api/sessions/" + session + "/alarms", "director"));
        assertThat(alarm.path("rule").asText()).isEqualTo("severe-hypertension");
        assertThat(alarm.path("priority").asText()).isEqualTo("HIGH");
        return alarm;
    }

    private static List<StreamRecorder.Event> escalations(StreamRecorder stream, String alarmId) {
        return stream.named("escalation").stream()
                .filter(event -> RunningVigil.json(event.data()).path("alarmId").asText().equals(alarmId))
                .toList();
    }

    private static JsonNode only(JsonNode alarms) {
        List<JsonNode> all = StreamSupport.stream(alarms.spliterator(), false).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static JsonNode alarm(JsonNode alarms, String alarmId) {
        return StreamSupport.stream(alarms.spliterator(), false)
                .filter(alarm -> id(alarm).equals(alarmId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alarm " + alarmId + " in " + alarms));
    }

    private static String id(JsonNode alarm) {
        return alarm.path("alarmId").asText();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText());
    }
}
