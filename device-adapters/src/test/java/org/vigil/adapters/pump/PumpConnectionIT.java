package org.vigil.adapters.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.adapters.transport.ReconnectPolicy;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.adapters.transport.TransportState;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.simulator.pump.PumpDose;
import org.vigil.simulator.pump.PumpScenarios;
import org.vigil.simulator.pump.PumpState;
import org.vigil.simulator.pump.PumpTruth;
import org.vigil.simulator.pump.SimulatedPump;

/**
 * The adapter's pump codec against the simulator's pump, meeting only on the wire: over a socat pseudo-terminal
 * pair (the pump's RS-232 port) and over the pump's terminal-server TCP port. Simulated time runs fast, so a
 * 40-minute infusion completes in seconds; the adapter polls every 200 ms.
 */
class PumpConnectionIT {

    private static final PumpDose DOSE = PumpDose.ketamine(70, 1.0);
    private static final DeviceId PUMP = DeviceId.of("chair-1-pump");
    private static final PumpCodecSettings CODEC = PumpCodecSettings.defaults(PUMP)
            .withPollInterval(Duration.ofMillis(200)).withProgrammeInterval(Duration.ofSeconds(5));
    private static final SupervisionSettings SUPERVISION =
            new SupervisionSettings(Duration.ofMillis(1_500), Duration.ofMillis(20));
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0);

    @TempDir
    Path directory;

    private final RecordingPumpListener listener = new RecordingPumpListener();
    private Vertx vertx;
    private PtyPair cable;
    private SimulatedPump pump;
    private SupervisedConnection<PumpReport> connection;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        if (pump != null) {
            pump.stop();
        }
        if (cable != null) {
            cable.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void readsANormalInfusionOverASerialPortAndAgreesWithThePumpOnTheVolumeDelivered() {
        // given: 40 simulated minutes in 4 s
        cable = PtyPair.start(directory);
        pump = SimulatedPump.builder(PumpScenarios.normal(DOSE)).serialPort(cable.b()).speed(600).build();
        connection = PumpLinks.serial("chair 1 pump", cable.a().toString(), CODEC, listener, SUPERVISION,
                FAST, vertx, Clock.systemUTC());

        // when
        pump.start();
        connection.start();

        // then
        assertReadsTheWholeNormalInfusion();
    }

    @Test
    void readsANormalInfusionThroughATerminalServer() {
        // given
        pump = SimulatedPump.builder(PumpScenarios.normal(DOSE)).terminalServer("127.0.0.1", 0).speed(600).build();
        pump.start();
        connection = PumpLinks.terminalServer("chair 1 pump", "127.0.0.1", pump.tcpPort(), CODEC, listener,
                SUPERVISION, FAST, vertx, Clock.systemUTC());

        // when
        connection.start();

        // then
        assertReadsTheWholeNormalInfusion();
    }

    @Test
    void reportsTheOcclusionAlarmAndTheStoppedInfusionOverASerialPort() {
        // given: the occlusion of minute 12 comes after 2.4 s
        cable = PtyPair.start(directory);
        pump = SimulatedPump.builder(PumpScenarios.occlusion(DOSE)).serialPort(cable.b()).speed(300).build();
        connection = PumpLinks.serial("chair 1 pump", cable.a().toString(), CODEC, listener, SUPERVISION,
                FAST, vertx, Clock.systemUTC());

        // when
        pump.start();
        connection.start();

        // then
        await().atMost(20, TimeUnit.SECONDS).until(() -> !listener.reports().isEmpty()
                && listener.last().status() == PumpStatus.STOPPED);
        PumpReport stopped = listener.last();
        assertThat(stopped.alarms()).containsExactly(new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM,
                AlarmPriority.HIGH, "Downstream occlusion", true));
        assertThat(stopped.volumeInfusedMl()).isCloseTo(10.5, Percentage.withPercentage(2));
        assertThat(stopped.timeRemaining()).isNull();
        assertThat(listener.reports()).anyMatch(report -> report.status() == PumpStatus.INFUSING
                && report.alarms().isEmpty());
        assertThat(pump.truth().state()).isEqualTo(PumpState.STOPPED);
    }

    @Test
    void reportsAPumpThatStopsAnsweringOverASerialPortAsSilentWhileStillConnected() {
        // given: the pump answers for 10 simulated minutes, 1 s at 600x
        cable = PtyPair.start(directory);
        pump = SimulatedPump.builder(PumpScenarios.stopsAnswering(DOSE)).serialPort(cable.b()).speed(600).build();
        connection = PumpLinks.serial("chair 1 pump", cable.a().toString(), CODEC, listener, SUPERVISION,
                FAST, vertx, Clock.systemUTC());

        // when
        pump.start();
        connection.start();

        // then
        assertGoesSilentAfterAnswering();
    }

    @Test
    void reportsAPumpThatStopsAnsweringThroughATerminalServerAsSilent() {
        // given
        pump = SimulatedPump.builder(PumpScenarios.stopsAnswering(DOSE)).terminalServer("127.0.0.1", 0)
                .speed(600).build();
        pump.start();
        connection = PumpLinks.terminalServer("chair 1 pump", "127.0.0.1", pump.tcpPort(), CODEC, listener,
                SUPERVISION, FAST, vertx, Clock.systemUTC());

        // when
        connection.start();

        // then
        assertGoesSilentAfterAnswering();
    }

    private void assertReadsTheWholeNormalInfusion() {
        await().atMost(20, TimeUnit.SECONDS).until(() -> !listener.reports().isEmpty()
                && listener.last().status() == PumpStatus.KVO);
        PumpReport infusing = listener.reports().stream().filter(report -> report.status() == PumpStatus.INFUSING)
                .filter(report -> report.programme().drug() != null).findFirst().orElseThrow();
        assertThat(infusing.programme().drug()).isEqualTo("KETAMINE");
        assertThat(infusing.programme().concentrationMgPerMl()).isEqualTo(1.0);
        assertThat(infusing.programme().rateMlPerHour()).isEqualTo(52.5);
        assertThat(infusing.programme().vtbiMl()).isEqualTo(35.0);
        assertThat(infusing.programme().doseRate()).isEqualTo(0.75);
        assertThat(infusing.programme().doseRateUnit()).isEqualTo("mg/kg/h");
        assertThat(infusing.deviceId()).isEqualTo(PUMP);
        assertThat(infusing.deviceTime()).isNotNull();
        assertThat(listener.reports()).extracting(PumpReport::volumeInfusedMl).isSorted();
        assertThat(listener.reports()).extracting(report -> report.messageKey().controlId()).doesNotHaveDuplicates();

        PumpReport finished = listener.last();
        PumpTruth truth = pump.truth();
        assertThat(finished.volumeInfusedMl()).isCloseTo(truth.programmeDeliveredMl(), Percentage.withPercentage(2));
        assertThat(finished.volumeInfusedMl() * finished.programme().concentrationMgPerMl())
                .isCloseTo(DOSE.doseMg(), Percentage.withPercentage(2));
        assertThat(finished.volumeRemainingMl()).isCloseTo(0.0, within(0.01));
        assertThat(finished.alarms()).extracting(PumpAlarm::kind).containsExactly(PumpAlarmKind.INFUSION_COMPLETE);
        assertThat(listener.decodeFailures()).isEmpty();
    }

    private void assertGoesSilentAfterAnswering() {
        await().atMost(20, TimeUnit.SECONDS).until(() -> connection.counters().silent());
        assertThat(listener.reports()).isNotEmpty();
        assertThat(listener.silences()).hasSize(1);
        assertThat(connection.counters().state()).isEqualTo(TransportState.CONNECTED);
        assertThat(pump.statistics().commandsIgnored()).isPositive();
        assertThat(pump.truth().state()).isEqualTo(PumpState.INFUSING);
    }
}
