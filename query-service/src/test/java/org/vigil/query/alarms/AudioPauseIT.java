package org.vigil.query.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;
import org.vigil.query.RunningVigil;
import org.vigil.query.StreamRecorder;

/**
 * Audio pause through the running application: a nurse pauses a chair's sounds over a MEDIUM alarm for two
 * minutes; a HIGH alarm breaks through, pushed on {@code /api/stream} and kept with the alarm. Who may pause, and
 * that a physiological alarm cannot be resolved by hand.
 */
class AudioPauseIT {

    @TempDir
    Path data;

    @Test
    void aNursePausesTheSoundsAndAHighAlarmBreaksThrough() {
        try (RunningVigil vigil = RunningVigil.start(data, "sim-monitor-01=chair-1");
             StreamRecorder stream = new StreamRecorder(vigil.uri("/api/stream"), RunningVigil.basic("nurse"))) {
            // given a relative surge (MEDIUM) at once, a severe hypertension (HIGH) 15 s later
            String session = vigil.startSession("chair-1", 120, 80).value();
            vigil.awaitReadModels();
            ScriptedScenario surgeThenSevere = ScriptedScenario.of(
                    ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 165),
                    ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 85),
                    ScriptedValue.at(Duration.ofSeconds(15), VitalSign.NIBP_SYSTOLIC, 190),
                    ScriptedValue.at(Duration.ofSeconds(15), VitalSign.NIBP_DIASTOLIC, 95));
            ClinicSimulator simulator = new ClinicSimulator(List.of(MonitorSpec.numbered(1, surgeThenSevere, 1)),
                    "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 1.0);
            simulator.start();
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(alarms(vigil, session)).extracting(a -> a.path("rule").asText())
                                .containsExactly("relative-surge"));
                String surge = alarms(vigil, session).get(0).path("alarmId").asText();

                // when
                HttpResponse<String> anonymous = vigil.send("POST", "/api/chairs/chair-1/audio-pause", null, null);
                HttpResponse<String> engineer = vigil.send("POST", "/api/chairs/chair-1/audio-pause", "engineer",
                        null);
                HttpResponse<String> nurse = vigil.send("POST", "/api/chairs/chair-1/audio-pause", "nurse", null);
                HttpResponse<String> resolve = vigil.send("POST", "/api/alarms/" + surge + "/resolve", "nurse",
                        "{\"reason\":\"patient calm\"}");

                // then
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(engineer.statusCode()).isEqualTo(403);
                assertThat(nurse.statusCode()).isEqualTo(200);
                JsonNode pause = RunningVigil.json(nurse.body());
                assertThat(pause.path("pausedBy").asText()).isEqualTo("nurse");
                assertThat(Duration.between(instant(pause, "pausedAt"), instant(pause, "until")))
                        .isEqualTo(Duration.ofMinutes(2));
                assertThat(resolve.statusCode()).isEqualTo(409);
                assertThat(RunningVigil.json(resolve.body()).path("reason").asText())
                        .contains("physiological alarm (relative-surge)");

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(stream.named("audio-pause")).anySatisfy(event -> assertThat(
                                RunningVigil.json(event.data()).path("endReason").asText())
                                .isEqualTo("break-through")));
                JsonNode ended = vigil.get("/api/chairs/chair-1/audio-pause", "nurse");
                assertThat(ended.path("endedAt").isNull()).isFalse();
                assertThat(instant(ended, "endedAt")).isBefore(instant(ended, "until"));
                vigil.awaitReadModels();
                assertThat(alarms(vigil, session)).anySatisfy(alarm -> {
                    assertThat(alarm.path("rule").asText()).isEqualTo("severe-hypertension");
                    assertThat(alarm.path("brokeThroughAudioPause").asBoolean()).isTrue();
                });
            } finally {
                simulator.stop();
            }
        }
    }

    private static List<JsonNode> alarms(RunningVigil vigil, String session) {
        return StreamSupport.stream(vigil.get("/api/sessions/" + session + "/alarms", "director").spliterator(),
                false).toList();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText());
    }
}
