package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.testing.MutableClock;
import org.vigil.simulator.mllp.DeliveryStatistics;
import org.vigil.simulator.mllp.MllpClientSettings;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;
import org.vigil.simulator.scenario.Scenarios;
import org.vigil.simulator.testsupport.Hl7Text;
import org.vigil.simulator.testsupport.TinyMllpServer;
import org.vigil.simulator.testsupport.TinyMllpServer.Reply;

class ClinicSimulatorIT {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private TinyMllpServer server;
    private ClinicSimulator simulator;

    @AfterEach
    void tearDown() throws Exception {
        if (simulator != null) {
            simulator.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsEveryMonitorsMessagesAndCountsTheirAcknowledgements() throws Exception {
        // given
        server = TinyMllpServer.acceptingEverything();
        simulator = new ClinicSimulator(MonitorSpec.clinic(3, Scenarios.NORMAL, 1), "127.0.0.1", server.port(),
                Clock.systemUTC(), 20);

        // when
        simulator.start();

        // then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SimulatorStatistics statistics = simulator.statistics();
            assertThat(statistics.byDevice().keySet())
                    .containsExactly("sim-monitor-01", "sim-monitor-02", "sim-monitor-03");
            assertThat(statistics.byDevice().values()).allSatisfy(s -> assertThat(s.accepted()).isGreaterThan(20));
        });
        simulator.stop();
        SimulatorStatistics statistics = simulator.statistics();
        assertThat(statistics.hasFailures()).isFalse();
        assertThat(statistics.total().accepted()).isBetween(statistics.total().sent() - 3, statistics.total().sent());
        assertThat(statistics.total().sent()).isEqualTo(statistics.byDevice().values().stream()
                .mapToLong(DeliveryStatistics::sent).sum());
        List<String> messages = server.received();
        assertThat(messages).extracting(m -> Hl7Text.field(m, "PV1", 3))
                .containsOnly("chair-1", "chair-2", "chair-3");
        assertThat(messages).extracting(m -> Hl7Text.field(m, "MSH", 10)).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("sim-monitor-0[123]-[0-9a-z]+-[0-9]+"));
    }

    @Test
    void severeHypertensionReachesTheReceiverWithinTheFirstMinuteOfSimulatedTime() throws Exception {
        // given
        server = TinyMllpServer.acceptingEverything();
        simulator = new ClinicSimulator(List.of(MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, 42)),
                "127.0.0.1", server.port(), Clock.systemUTC(), 30);

        // when
        simulator.start();

        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> server.received().stream().anyMatch(this::isSevere));
        Instant start = simulator.simulatedStart().orElseThrow();
        String severe = server.received().stream().filter(this::isSevere).findFirst().orElseThrow();
        Instant observed = LocalDateTime.parse(Hl7Text.field(severe, "OBR", 7), HL7_TIME).toInstant(ZoneOffset.UTC);
        assertThat(observed).isBetween(start, start.plusSeconds(60));
    }

    @Test
    void followsTheInjectedClock() throws Exception {
        // given
        server = TinyMllpServer.acceptingEverything();
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T09:00:00Z"));
        ScriptedScenario scenario = ScriptedScenario.of(
                ScriptedValue.at(Duration.ofSeconds(3), VitalSign.HEART_RATE, 133));
        simulator = new ClinicSimulator(List.of(MonitorSpec.numbered(1, scenario, 0)), "127.0.0.1", server.port(),
                clock, 1.0);

        // when
        simulator.start();

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> server.received().size() == 1);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> server.received().size() == 1);
        clock.advance(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.received().size() == 6);
        assertThat(server.received()).extracting(m -> Hl7Text.value(m, 147842))
                .containsExactly(72, 72, 72, 133, 133, 133);
        assertThat(server.received()).extracting(m -> Hl7Text.field(m, "MSH", 7)).containsExactly(
                "20240301090000+0000", "20240301090001+0000", "20240301090002+0000",
                "20240301090003+0000", "20240301090004+0000", "20240301090005+0000");
    }

    @Test
    void countsNaksPerMonitorWithTheReceiversReason() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> Hl7Text.field(message, "PV1", 3).equals("chair-2")
                ? Reply.nak("AE", "chair-2 is not checked in")
                : Reply.ack("AA"));
        simulator = new ClinicSimulator(MonitorSpec.clinic(2, Scenarios.NORMAL, 5), "127.0.0.1", server.port(),
                Clock.systemUTC(), 20);

        // when
        simulator.start();

        // then
        await().atMost(Duration.ofSeconds(20))
                .until(() -> simulator.statistics().monitor("sim-monitor-02").errors() >= 3);
        SimulatorStatistics statistics = simulator.statistics();
        assertThat(statistics.monitor("sim-monitor-01").errors()).isZero();
        assertThat(statistics.monitor("sim-monitor-01").accepted()).isPositive();
        assertThat(statistics.monitor("sim-monitor-02").accepted()).isZero();
        assertThat(statistics.monitor("sim-monitor-02").lastNakReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("chair-2 is not checked in"));
        assertThat(statistics.hasFailures()).isTrue();
        assertThat(statistics.summary()).contains("sim-monitor-02").contains("chair-2 is not checked in");
    }

    @Test
    void stopsPromptlyEvenWhileWaitingForAnAcknowledgement() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> Reply.silence());
        simulator = new ClinicSimulator(MonitorSpec.clinic(2, Scenarios.NORMAL, 1), "127.0.0.1", server.port(),
                Clock.systemUTC(), 1.0, MllpClientSettings.defaults().withAckTimeout(Duration.ofMinutes(1)));
        simulator.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.received().size() == 2);

        // when
        long started = System.nanoTime();
        simulator.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(simulator.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().startsWith("vigil-sim-") && thread.isAlive());
    }

    private boolean isSevere(String message) {
        Integer systolic = Hl7Text.value(message, 150021);
        return systolic != null && systolic > 180;
    }
}
