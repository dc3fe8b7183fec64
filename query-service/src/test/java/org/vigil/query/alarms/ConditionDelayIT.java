package org.vigil.query.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;
import org.vigil.query.RunningVigil;

/**
 * The heart-rate condition delay (docs/DOMAIN.md default 10 s) through the running application: simulated monitors send
 * exact values over MLLP once a second; a tachycardia of 5 s raises nothing, one of 12 s raises its alarm 10 s
 * after the condition began.
 */
class ConditionDelayIT {

    @TempDir
    Path data;

    @Test
    void aConditionShorterThanItsDelayRaisesNothing() {
        try (RunningVigil vigil = RunningVigil.start(data, "sim-monitor-01=chair-1", "sim-monitor-02=chair-2")) {
            // given
            String brief = vigil.startSession("chair-1", 120, 80).value();
            String lasting = vigil.startSession("chair-2", 120, 80).value();
            vigil.awaitReadModels();
            ScriptedScenario fiveSeconds = ScriptedScenario.of(
                    ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 130),
                    ScriptedValue.at(Duration.ofSeconds(5), VitalSign.HEART_RATE, 80));
            ScriptedScenario twelveSeconds = ScriptedScenario.of(
                    ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 130),
                    ScriptedValue.at(Duration.ofSeconds(12), VitalSign.HEART_RATE, 80));
            ClinicSimulator simulator = new ClinicSimulator(List.of(MonitorSpec.numbered(1, fiveSeconds, 1),
                    MonitorSpec.numbered(2, twelveSeconds, 2)), "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 1.0);

            // when
            simulator.start();
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(vigil.get("/api/sessions/" + lasting + "/alarms", "director")).hasSize(1));
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(vigil.get("/api/sessions/" + brief, "director").path("observationMessages")
                                .asLong()).isGreaterThanOrEqualTo(13));
            } finally {
                simulator.stop();
            }

            // then
            assertThat(vigil.get("/api/sessions/" + brief + "/alarms", "director")).isEmpty();
            JsonNode tachycardia = vigil.get("/api/sessions/" + lasting + "/alarms", "director").get(0);
            assertThat(tachycardia.path("rule").asText()).isEqualTo("tachycardia");
            assertThat(tachycardia.path("priority").asText()).isEqualTo("MEDIUM");
            Duration waited = Duration.between(Instant.parse(tachycardia.path("conditionStartedAt").asText()),
                    Instant.parse(tachycardia.path("raisedAt").asText()));
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(10)).isLessThan(Duration.ofSeconds(12));
        }
    }
}
