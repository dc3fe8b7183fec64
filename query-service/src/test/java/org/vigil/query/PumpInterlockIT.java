package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.PumpPauseConfirmedEvent;
import org.vigil.core.api.PumpPauseFailedEvent;
import org.vigil.core.api.PumpPauseRequestedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpScenarios;
import org.vigil.simulator.pump.PumpState;
import org.vigil.simulator.pump.SimulatedPump;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/**
 * The opt-in pump interlock through the whole application: a clinic protocol that pauses the pump on severe
 * hypertension, a simulated monitor (HL7 over MLLP) whose blood pressure reads past 180 mmHg, and the simulated
 * serial pump on a socat pseudo-terminal pair infusing ketamine at the same chair.
 */
class PumpInterlockIT {

    private static final PumpDose KETAMINE = PumpDose.ketamine(70, 1.0);
    private static final int CONFIRM_WITHIN_SECONDS = 3;

    @TempDir
    Path data;

    @TempDir
    Path ptys;

    @Test
    void severeHypertensionPausesTheInfusingSerialPumpOnlyANurseRestartsItAndARebuildSendsNothing() throws IOException {
        try (PtyPair line = PtyPair.start(ptys);
             SimulatedPump pump = SimulatedPump.builder(PumpScenarios.normal(KETAMINE)).serialPort(line.a())
                     .speed(1).build();
             RunningVigil vigil = RunningVigil.startWith(data, arguments(line))) {
            // given a ketamine infusion running at the chair
            vigil.startSession("chair-1", 120, 80, 70);
            pump.start();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(pumpView(vigil).path("status").asText()).isEqualTo("INFUSING"));

            // when the patient's blood pressure climbs past 180 mmHg
            hypertension(vigil);

            // then Vigil pauses the pump, sees it stopped, records both with the alarm, and the tile shows it
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                assertThat(vigil.stored(PumpPauseConfirmedEvent.class)).hasSize(1);
                assertThat(pumpView(vigil).path("interlockPause").asText()).isEqualTo("CONFIRMED");
            });
            assertThat(pump.truth().state()).isEqualTo(PumpState.STOPPED);
            AlarmRaisedEvent alarm = vigil.stored(AlarmRaisedEvent.class).stream().map(RunningVigil.Stored::payload)
                    .filter(a -> a.rule().equals("severe-hypertension")).findFirst().orElseThrow();
            PumpPauseRequestedEvent requested = vigil.stored(PumpPauseRequestedEvent.class).get(0).payload();
            assertThat(requested.alarmId()).isEqualTo(alarm.alarmId());
            assertThat(requested.deviceId().value()).isEqualTo("pump-1");
            PumpPauseConfirmedEvent confirmed = vigil.stored(PumpPauseConfirmedEvent.class).get(0).payload();
            assertThat(confirmed.alarmId()).isEqualTo(alarm.alarmId());
            assertThat(confirmed.status()).isEqualTo(PumpStatus.STOPPED);
            assertThat(pumpView(vigil).path("status").asText()).isEqualTo("STOPPED");
            assertThat(vigil.stored(PumpPauseFailedEvent.class)).isEmpty();

            // when a nurse restarts the infusion at the pump, then Vigil records it and the tile drops the pause
            assertThat(pump.startInfusion()).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(vigil.stored(PumpStatusChangedEvent.class)).extracting(RunningVigil.Stored::payload)
                        .extracting(PumpStatusChangedEvent::from, PumpStatusChangedEvent::to)
                        .contains(tuple(PumpStatus.STOPPED, PumpStatus.INFUSING));
                assertThat(pumpView(vigil).path("status").asText()).isEqualTo("INFUSING");
                assertThat(pumpView(vigil).path("interlockPause").isNull()).isTrue();
            });
            assertThat(rules(vigil)).as("the alarm is still active").contains("severe-hypertension");

            // when an engineer rebuilds every read model from the store, then nothing is decided again
            for (String name : List.of("sessions", "alarm-records", "devices")) {
                assertThat(vigil.send("POST", "/api/read-models/" + name + "/rebuild", "engineer", null)
                        .statusCode()).isEqualTo(202);
            }
            vigil.awaitReadModels();
            assertThat(vigil.stored(PumpPauseRequestedEvent.class)).hasSize(1);
            assertThat(vigil.stored(PumpPauseFailedEvent.class)).isEmpty();
            assertThat(pump.truth().state()).as("the restarted pump is not paused again")
                    .isEqualTo(PumpState.INFUSING);
        }
    }

    @Test
    void aPumpThatIgnoresThePauseRaisesPumpDidNotPauseWithinTheConfiguredTime() throws IOException {
        try (PtyPair line = PtyPair.start(ptys);
             SimulatedPump pump = SimulatedPump.builder(PumpScenarios.normal(KETAMINE)).serialPort(line.a())
                     .speed(1).remoteControlLocked().build();
             RunningVigil vigil = RunningVigil.startWith(data, arguments(line))) {
            // given
            vigil.startSession("chair-1", 120, 80, 70);
            pump.start();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(pumpView(vigil).path("status").asText()).isEqualTo("INFUSING"));

            // when
            hypertension(vigil);

            // then
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                    assertThat(rules(vigil)).contains("pump-did-not-pause"));
            PumpPauseRequestedEvent requested = vigil.stored(PumpPauseRequestedEvent.class).get(0).payload();
            RunningVigil.Stored<PumpPauseFailedEvent> failed = vigil.stored(PumpPauseFailedEvent.class).get(0);
            assertThat(failed.payload().alarmId()).isEqualTo(requested.alarmId());
            assertThat(Duration.between(requested.requestedAt(), failed.payload().failedAt()))
                    .isBetween(Duration.ofSeconds(CONFIRM_WITHIN_SECONDS),
                            Duration.ofSeconds(CONFIRM_WITHIN_SECONDS + 2));
            JsonNode technical = alarms(vigil).stream()
                    .filter(a -> a.path("rule").asText().equals("pump-did-not-pause")).findFirst().orElseThrow();
            assertThat(technical.path("priority").asText()).isEqualTo("HIGH");
            assertThat(technical.path("kind").asText()).isEqualTo("TECHNICAL");
            assertThat(pumpView(vigil).path("interlockPause").asText()).isEqualTo("FAILED");
            assertThat(pump.truth().state()).isEqualTo(PumpState.INFUSING);
            assertThat(vigil.stored(PumpPauseConfirmedEvent.class)).isEmpty();
        }
    }

    /**
     * A monitor at the chair reads a severe hypertension (187/114 mmHg) from its first cuff cycle until the alarm
     * is raised: what follows the alarm is under test, not how soon a scenario reaches it.
     */
    private static void hypertension(RunningVigil vigil) {
        ScriptedScenario severeHypertension = ScriptedScenario.of(
                ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 187),
                ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 114));
        ClinicSimulator monitor = new ClinicSimulator(List.of(MonitorSpec.numbered(1, severeHypertension, 12)),
                "127.0.0.1", vigil.mllpPort(), Clock.systemUTC(), 4.0);
        monitor.start();
        try {
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                    assertThat(rules(vigil)).contains("severe-hypertension"));
        } finally {
            monitor.stop();
        }
    }

    private List<String> arguments(PtyPair line) throws IOException {
        Path protocol = data.resolve("clinic-protocol.yml");
        Files.writeString(protocol, defaultProtocol() + "\npumpInterlock:\n  rules: [severe-hypertension]\n"
                + "  pumpProtocols: [pump-ascii]\n  confirmWithinSeconds: " + CONFIRM_WITHIN_SECONDS + "\n");
        return List.of("--vigil.protocol-file=" + protocol,
                "--vigil.devices[0].id=sim-monitor-01", "--vigil.devices[0].chair=chair-1",
                "--vigil.devices[1].id=pump-1", "--vigil.devices[1].chair=chair-1",
                "--vigil.devices[1].protocol=pump-ascii", "--vigil.devices[1].transport=serial",
                "--vigil.devices[1].serial.path=" + line.b(), "--vigil.devices[1].poll-interval=500ms");
    }

    private static String defaultProtocol() throws IOException {
        try (InputStream in = ClinicProtocol.class.getClassLoader().getResourceAsStream(
                ClinicProtocol.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode pumpView(RunningVigil vigil) {
        return vigil.get("/api/chairs").get(0).path("pump");
    }

    private static List<JsonNode> alarms(RunningVigil vigil) {
        return StreamSupport.stream(vigil.get("/api/chairs").get(0).path("activeAlarms").spliterator(), false)
                .toList();
    }

    private static List<String> rules(RunningVigil vigil) {
        return alarms(vigil).stream().map(a -> a.path("rule").asText()).toList();
    }
}
