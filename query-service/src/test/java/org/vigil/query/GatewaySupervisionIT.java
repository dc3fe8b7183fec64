package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * A monitor behind the MLLP listener that stops sending raises the technical alarm "device offline" on its chair
 * after the protocol's silence time (10 s); when it sends again the alarm clears and its values go on into the
 * same session.
 */
class GatewaySupervisionIT {

    @TempDir
    Path data;

    @Test
    void raisesDeviceOfflineWhenAMonitorFallsSilentAndClearsItWhenItSendsAgain() {
        try (RunningVigil vigil = RunningVigil.start(data, "sim-monitor-01=chair-1")) {
            // given
            String session = vigil.startSession("chair-1", 125, 78).value();
            vigil.awaitReadModels();
            ClinicSimulator first = monitor(vigil);
            first.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> messages(vigil, session) > 2);

            // when the monitor goes quiet
            first.stop();

            // then
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(alarms(vigil))
                    .anySatisfy(alarm -> {
                        assertThat(alarm.path("rule").asText()).isEqualTo("device-offline");
                        assertThat(alarm.path("kind").asText()).isEqualTo("TECHNICAL");
                        assertThat(alarm.path("message").asText()).contains("sim-monitor-01");
                    }));
            vigil.awaitReadModels();
            JsonNode device = StreamSupport.stream(vigil.get("/api/devices").spliterator(), false)
                    .filter(d -> d.path("deviceId").asText().equals("sim-monitor-01")).findFirst().orElseThrow();
            assertThat(device.path("link").path("offline").asBoolean()).isTrue();

            // when it sends again
            long before = messages(vigil, session);
            ClinicSimulator second = monitor(vigil);
            second.start();
            try {
                // then
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(alarms(vigil)).noneSatisfy(alarm ->
                            assertThat(alarm.path("rule").asText()).isEqualTo("device-offline"));
                    assertThat(messages(vigil, session)).isGreaterThan(before);
                });
            } finally {
                second.stop();
            }
        }
    }

    private static ClinicSimulator monitor(RunningVigil vigil) {
        return new ClinicSimulator(List.of(MonitorSpec.numbered(1, Scenarios.NORMAL, 9)), "127.0.0.1",
                vigil.mllpPort(), Clock.systemUTC(), 1.0);
    }

    private static long messages(RunningVigil vigil, String session) {
        return vigil.get("/api/sessions/" + session).path("observationMessages").asLong();
    }

    private static List<JsonNode> alarms(RunningVigil vigil) {
        JsonNode chair = vigil.get("/api/chairs").get(0);
        return StreamSupport.stream(chair.path("activeAlarms").spliterator(), false).toList();
    }
}
