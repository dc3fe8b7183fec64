package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.simulator.masimo.MasimoOximeter;
import org.vigil.simulator.masimo.OximeterFault;
import org.vigil.simulator.scenario.Scenarios;

/**
 * A Masimo pulse oximeter (the simulator's) on its RS-232 port, reached over a socat pseudo-terminal pair with
 * jSerialComm: its SpO2 and pulse rate reach the chair, a desaturation raises the HIGH alarm, and a sensor that
 * slips off shows as "SpO2 not available" with the oximeter's own reason, both of which clear when it is back.
 * The oximeter writes a line every 250 ms, four simulated seconds a wall second.
 */
class MasimoDeviceIT {

    @TempDir
    Path data;

    @TempDir
    Path ptys;

    @Test
    void readsAnOximeterOnASerialLineIntoTheChairWithItsSensorFaults() {
        try (PtyPair line = PtyPair.start(ptys);
             RunningVigil vigil = RunningVigil.startWith(data, List.of(
                     "--vigil.devices[0].id=masimo-1", "--vigil.devices[0].chair=chair-1",
                     "--vigil.devices[0].protocol=masimo", "--vigil.devices[0].transport=serial",
                     "--vigil.devices[0].serial.path=" + line.b()));
             MasimoOximeter oximeter = MasimoOximeter.builder(Scenarios.DESATURATION, 7).serialPort(line.a())
                     .speed(4).interval(Duration.ofMillis(250))
                     .fault(OximeterFault.sensorOff(Duration.ofSeconds(60), Duration.ofSeconds(80))).build()) {
            // given
            vigil.startSession("chair-1", 125, 78);

            // when
            oximeter.start();

            // then: the values reach the chair and the desaturation sounds
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode vitals = chair(vigil).path("vitals");
                assertThat(vitals.path("SPO2").path("value").asDouble()).isBetween(50.0, 100.0);
                assertThat(vitals.path("PULSE_RATE").path("value").asDouble()).isBetween(30.0, 200.0);
                assertThat(vitals.path("SPO2").path("deviceId").asText()).isEqualTo("masimo-1");
                assertThat(rules(vigil)).contains("desaturation");
            });

            // when the sensor slips off, then
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(rules(vigil)).contains("sensor-off-spo2", "device-alarm:masimo-sensor-off");
                assertThat(chair(vigil).path("vitals").path("SPO2").path("value").isNull()).isTrue();
            });
            assertThat(alarm(vigil, "device-alarm:masimo-sensor-off").path("kind").asText()).isEqualTo("TECHNICAL");

            // when it is back on the finger, then
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(rules(vigil)).doesNotContain("device-alarm:masimo-sensor-off", "sensor-off-spo2");
                assertThat(chair(vigil).path("vitals").path("SPO2").path("value").asDouble()).isPositive();
            });
        }
    }

    private static JsonNode chair(RunningVigil vigil) {
        return vigil.get("/api/chairs").get(0);
    }

    private static List<JsonNode> alarms(RunningVigil vigil) {
        return StreamSupport.stream(chair(vigil).path("activeAlarms").spliterator(), false).toList();
    }

    private static JsonNode alarm(RunningVigil vigil, String rule) {
        return alarms(vigil).stream().filter(a -> a.path("rule").asText().equals(rule)).findFirst().orElseThrow();
    }

    private static List<String> rules(RunningVigil vigil) {
        return alarms(vigil).stream().map(a -> a.path("rule").asText()).toList();
    }
}
