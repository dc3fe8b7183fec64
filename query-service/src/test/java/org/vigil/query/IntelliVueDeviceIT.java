package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.simulator.intellivue.ImpersonatorConfig;
import org.vigil.simulator.intellivue.IntelliVueLink;
import org.vigil.simulator.intellivue.IntelliVueMonitor;
import org.vigil.simulator.scenario.Scenarios;

/**
 * A Philips IntelliVue monitor (the simulator's impersonator) on its RS-232 port, reached over a socat
 * pseudo-terminal pair with jSerialComm, and through a terminal server over TCP: its vitals arrive on the chair;
 * a cut link raises "device offline" within 12 s; restoring it reconnects, clears the alarm, and the values go on
 * into the same session.
 */
class IntelliVueDeviceIT {

    @TempDir
    Path data;

    @TempDir
    Path ptys;

    @Test
    void readsAMonitorOnASerialLineAndSupervisesTheLink() {
        try (PtyPair line = PtyPair.start(ptys)) {
            IntelliVueMonitor monitor = monitor(IntelliVueLink.serial(line.a()));
            monitor.start();
            try (RunningVigil vigil = RunningVigil.startWith(data, List.of(
                    "--vigil.devices[0].id=intellivue-1", "--vigil.devices[0].chair=chair-1",
                    "--vigil.devices[0].protocol=intellivue", "--vigil.devices[0].transport=serial",
                    "--vigil.devices[0].serial.path=" + line.b()))) {
                String session = vigil.startSession("chair-1", 125, 78).value();
                vigil.awaitReadModels();

                vitalsArrive(vigil, session);

                // when the link is cut
                line.kill();

                // then
                deviceOfflineWithin12Seconds(vigil);

                // when it is restored
                long before = messages(vigil, session);
                line.restart();

                // then
                recovers(vigil, session, before);
            } finally {
                monitor.stop();
            }
        }
    }

    @Test
    void readsAMonitorBehindATerminalServerAndSupervisesTheLink() throws IOException {
        int port = ReservedPorts.free();
        IntelliVueMonitor monitor = monitor(IntelliVueLink.tcpLoopback(port));
        monitor.start();
        try (RunningVigil vigil = RunningVigil.startWith(data, List.of(
                "--vigil.devices[0].id=intellivue-1", "--vigil.devices[0].chair=chair-1",
                "--vigil.devices[0].protocol=intellivue", "--vigil.devices[0].transport=tcp-client",
                "--vigil.devices[0].tcp.host=127.0.0.1", "--vigil.devices[0].tcp.port=" + port))) {
            String session = vigil.startSession("chair-1", 125, 78).value();
            vigil.awaitReadModels();

            vitalsArrive(vigil, session);

            // when the terminal server goes away
            monitor.stop();

            // then
            deviceOfflineWithin12Seconds(vigil);

            // when it is back
            long before = messages(vigil, session);
            IntelliVueMonitor back = monitor(IntelliVueLink.tcpLoopback(port));
            back.start();
            try {
                // then
                recovers(vigil, session, before);
            } finally {
                back.stop();
            }
        } finally {
            monitor.stop();
        }
    }

    private static IntelliVueMonitor monitor(IntelliVueLink link) {
        return new IntelliVueMonitor("intellivue-1", Scenarios.NORMAL, 7, link, ImpersonatorConfig.defaults(),
                Clock.systemUTC(), 1.0);
    }

    private static void vitalsArrive(RunningVigil vigil, String session) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode chair = vigil.get("/api/chairs").get(0);
            assertThat(chair.path("vitals").path("HEART_RATE").path("value").asDouble()).isBetween(30.0, 200.0);
            assertThat(chair.path("vitals").path("SPO2").path("value").asDouble()).isBetween(80.0, 100.0);
            assertThat(messages(vigil, session)).isGreaterThan(2);
        });
    }

    private static void deviceOfflineWithin12Seconds(RunningVigil vigil) {
        await().atMost(Duration.ofSeconds(12)).untilAsserted(() -> assertThat(alarms(vigil))
                .anySatisfy(alarm -> {
                    assertThat(alarm.path("rule").asText()).isEqualTo("device-offline");
                    assertThat(alarm.path("kind").asText()).isEqualTo("TECHNICAL");
                }));
    }

    private static void recovers(RunningVigil vigil, String session, long before) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alarms(vigil)).noneSatisfy(alarm ->
                    assertThat(alarm.path("rule").asText()).isEqualTo("device-offline"));
            assertThat(messages(vigil, session)).isGreaterThan(before + 2);
        });
        vigil.awaitReadModels();
        JsonNode device = vigil.get("/api/devices").get(0);
        assertThat(device.path("link").path("state").asText()).isEqualTo("CONNECTED");
        assertThat(device.path("link").path("reconnects").asLong()).isPositive();
    }

    private static long messages(RunningVigil vigil, String session) {
        return vigil.get("/api/sessions/" + session).path("observationMessages").asLong();
    }

    private static List<JsonNode> alarms(RunningVigil vigil) {
        return StreamSupport.stream(vigil.get("/api/chairs").get(0).path("activeAlarms").spliterator(), false)
                .toList();
    }

}
