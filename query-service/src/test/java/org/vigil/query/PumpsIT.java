package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.simulator.mllp.MllpClientSettings;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpIdentity;
import org.vigil.simulator.pump.PumpScenario;
import org.vigil.simulator.pump.PumpScenarios;
import org.vigil.simulator.pump.ScheduledAction;
import org.vigil.simulator.pump.SimulatedPump;

/**
 * Infusion pumps through the whole application, one test per simulated pump scenario: the serial pump protocol
 * on a pseudo-terminal and through a terminal server, and a pump speaking HL7 over MLLP. A 0.5 mg/kg over 40 min ketamine infusion for 70 kg at
 * 1 mg/mL is 35 mg in 35 mL at 52.5 mL/h (docs/DOMAIN.md); the simulated pumps run 600 times faster than real time.
 */
class PumpsIT {

    private static final PumpDose KETAMINE = PumpDose.ketamine(70, 1.0);
    private static final String PRESCRIPTION =
            "{\"drug\":\"ketamine\",\"mgPerKg\":0.5,\"minutes\":40,\"concentrationMgPerMl\":1.0}";

    @TempDir
    Path data;

    @TempDir
    Path ptys;

    @Test
    void reconcilesTheDoseOfANormalInfusionOnASerialPumpWithinTwoPercent() {
        try (PtyPair line = PtyPair.start(ptys);
             SimulatedPump pump = SimulatedPump.builder(PumpScenarios.normal(KETAMINE)).serialPort(line.a())
                     .speed(600).build();
             RunningVigil vigil = RunningVigil.startWith(data, List.of(
                     "--vigil.devices[0].id=pump-1", "--vigil.devices[0].chair=chair-1",
                     "--vigil.devices[0].protocol=pump-ascii", "--vigil.devices[0].transport=serial",
                     "--vigil.devices[0].serial.path=" + line.b(), "--vigil.devices[0].poll-interval=500ms"))) {
            // given
            String session = vigil.startSession("chair-1", 120, 80, 70).value();
            prescribe(vigil, session);

            // when
            pump.start();

            // then
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pumpView(vigil)
                    .path("status").asText()).isIn("COMPLETE", "KVO"));
            JsonNode infusion = pumpView(vigil);
            double truthMg = pump.truth().programmeDeliveredMl() * KETAMINE.concentrationMgPerMl();
            assertThat(truthMg).isCloseTo(35.0, within(0.5));
            assertThat(infusion.path("doseDeliveredMg").asDouble()).isCloseTo(truthMg, within(truthMg * 0.02));
            assertThat(infusion.path("doseDeliveredMgPerKg").asDouble()).isCloseTo(0.5, within(0.01));
            assertThat(infusion.path("drug").asText()).containsIgnoringCase("ketamine");
            assertThat(rules(vigil)).doesNotContain("dose-mismatch");
        }
    }

    @Test
    void raisesTheDoseMismatchWithinOnePollOfATenfoldRateBehindATerminalServer() throws IOException {
        int port = ReservedPorts.free();
        try (SimulatedPump pump = SimulatedPump.builder(PumpScenarios.rateTenfold(KETAMINE))
                     .terminalServer("127.0.0.1", port).speed(1).build();
             RunningVigil vigil = RunningVigil.startWith(data, List.of(
                     "--vigil.devices[0].id=pump-1", "--vigil.devices[0].chair=chair-1",
                     "--vigil.devices[0].protocol=pump-ascii", "--vigil.devices[0].transport=tcp-client",
                     "--vigil.devices[0].tcp.host=127.0.0.1", "--vigil.devices[0].tcp.port=" + port))) {
            // given
            String session = vigil.startSession("chair-1", 120, 80, 70).value();
            prescribe(vigil, session);

            // when
            pump.start();

            // then
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(rules(vigil)).contains("dose-mismatch"));
            var firstWrongReport = vigil.stored(PumpReportRecordedEvent.class).stream()
                    .filter(e -> e.payload().report().programme() != null
                            && e.payload().report().programme().rateMlPerHour() != null
                            && e.payload().report().programme().rateMlPerHour() > 500)
                    .findFirst().orElseThrow();
            var mismatch = vigil.stored(AlarmRaisedEvent.class).stream()
                    .filter(e -> e.payload().rule().equals("dose-mismatch")).findFirst().orElseThrow();
            assertThat(Duration.between(firstWrongReport.payload().report().receivedAt(),
                    mismatch.payload().raisedAt())).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void showsAPumpOcclusionSentOverHl7AsAHighTechnicalAlarmWithTheInfusionStopped() {
        try (RunningVigil vigil = RunningVigil.start(data, "sim-pump-01=chair-1")) {
            // given
            String session = vigil.startSession("chair-1", 120, 80, 70).value();
            prescribe(vigil, session);
            SimulatedPump pump = SimulatedPump.builder(PumpScenarios.occlusion(KETAMINE))
                    .identity(PumpIdentity.numbered(1))
                    .hl7("127.0.0.1", vigil.mllpPort(), MllpClientSettings.defaults(), Duration.ofSeconds(30))
                    .speed(120).build();

            // when
            pump.start();
            try {
                // then
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alarms(vigil))
                        .anySatisfy(alarm -> {
                            assertThat(alarm.path("kind").asText()).isEqualTo("TECHNICAL");
                            assertThat(alarm.path("priority").asText()).isEqualTo("HIGH");
                            assertThat(alarm.path("message").asText()).contains("sim-pump-01")
                                    .containsIgnoringCase("occlusion");
                        }));
                // the alarm and the pump's stopped status come in separate messages, in either order
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(pumpView(vigil).path("status").asText()).isEqualTo("STOPPED"));
            } finally {
                pump.stop();
            }
        }
    }

    @Test
    void showsAnOpenPumpDoorAsATechnicalAlarmThatClearsWhenTheDoorCloses() {
        try (PtyPair line = PtyPair.start(ptys);
             SimulatedPump pump = SimulatedPump.builder(sooner(PumpScenarios.doorOpen(KETAMINE), Duration.ofMinutes(18)))
                     .serialPort(line.a()).speed(60).build();
             RunningVigil vigil = RunningVigil.startWith(data, List.of(
                     "--vigil.devices[0].id=pump-1", "--vigil.devices[0].chair=chair-1",
                     "--vigil.devices[0].protocol=pump-ascii", "--vigil.devices[0].transport=serial",
                     "--vigil.devices[0].serial.path=" + line.b(), "--vigil.devices[0].poll-interval=250ms"))) {
            // given
            String session = vigil.startSession("chair-1", 120, 80, 70).value();
            prescribe(vigil, session);

            // when: the door opens at minute 2 and closes at minute 3 (2 s and 3 s at 60 times real time)
            pump.start();

            // then
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(
                    vigil.stored(AlarmRaisedEvent.class)).anySatisfy(raised -> {
                        assertThat(raised.payload().rule()).isEqualTo("pump-door-open");
                        assertThat(raised.payload().kind().name()).isEqualTo("TECHNICAL");
                    }));
            String door = vigil.stored(AlarmRaisedEvent.class).stream()
                    .filter(e -> e.payload().rule().equals("pump-door-open")).findFirst().orElseThrow()
                    .payload().alarmId().value();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    vigil.stored(AlarmClearedEvent.class)).anySatisfy(cleared ->
                    assertThat(cleared.payload().alarmId().value()).isEqualTo(door)));
        }
    }

    @Test
    void raisesDeviceOfflineWhenAPumpBehindATerminalServerStopsAnswering() throws IOException {
        int port = ReservedPorts.free();
        try (SimulatedPump pump = SimulatedPump.builder(
                     sooner(PumpScenarios.stopsAnswering(KETAMINE), Duration.ofMinutes(5)))
                     .terminalServer("127.0.0.1", port).speed(60).build();
             RunningVigil vigil = RunningVigil.startWith(data, List.of(
                     "--vigil.devices[0].id=pump-1", "--vigil.devices[0].chair=chair-1",
                     "--vigil.devices[0].protocol=pump-ascii", "--vigil.devices[0].transport=tcp-client",
                     "--vigil.devices[0].tcp.host=127.0.0.1", "--vigil.devices[0].tcp.port=" + port,
                     "--vigil.devices[0].poll-interval=500ms",
                     // the silence time is the protocol's, which this test does not check: 5 s rather than 10 s
                     ProtocolFile.write(data.resolve("clinic-protocol.yml"),
                             Map.of("deviceSilentAfterSeconds: 10", "deviceSilentAfterSeconds: 5"))))) {
            // given
            vigil.startSession("chair-1", 120, 80, 70);

            // when: the pump answers for 5 simulated minutes (5 s), then keeps its line open but goes quiet
            pump.start();

            // then
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(pumpView(vigil).path("status").asText()).isEqualTo("INFUSING"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alarms(vigil))
                    .anySatisfy(alarm -> {
                        assertThat(alarm.path("rule").asText()).isEqualTo("device-offline");
                        assertThat(alarm.path("message").asText()).contains("pump-1");
                    }));
        }
    }

    /**
     * The scenario with what it does after its start, and its silence, {@code by} earlier: the same course, still
     * mid-infusion, without waiting for the minute of the infusion the named scenario picks.
     */
    private static PumpScenario sooner(PumpScenario scenario, Duration by) {
        List<ScheduledAction> actions = scenario.actions().stream().map(action -> action.at().isZero() ? action
                : new ScheduledAction(action.at().minus(by), action.description(), action.action())).toList();
        return new PumpScenario(scenario.name(), scenario.description() + ", " + by.toMinutes() + " minutes sooner",
                scenario.programme(), actions, scenario.silentAfter().map(at -> at.minus(by)));
    }

    private static void prescribe(RunningVigil vigil, String session) {
        assertThat(vigil.send("POST", "/api/sessions/" + session + "/prescription", "director", PRESCRIPTION)
                .statusCode()).isEqualTo(202);
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
