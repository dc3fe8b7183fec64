package org.vigil.adapters.masimo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.LinkRecorder;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.adapters.transport.ReconnectPolicy;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.Vital;
import org.vigil.simulator.masimo.MasimoOximeter;
import org.vigil.simulator.masimo.OximeterFault;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The adapter's Masimo codec against the simulator's oximeter, meeting only on the wire: over a socat
 * pseudo-terminal pair (the oximeter's RS-232 port) and over a terminal-server TCP port. The oximeter writes a line
 * every 100 ms with simulated time 10 times as fast, so its clock keeps pace with its lines.
 */
class MasimoConnectionIT {

    private static final DeviceId OXIMETER = DeviceId.of("chair-1-spo2");
    private static final SupervisionSettings SUPERVISION =
            new SupervisionSettings(Duration.ofMillis(1_500), Duration.ofMillis(20));
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0);

    @TempDir
    Path directory;

    private final LinkRecorder<DeviceReport> recorder = new LinkRecorder<>();
    private Vertx vertx;
    private PtyPair cable;
    private MasimoOximeter oximeter;
    private SupervisedConnection<DeviceReport> connection;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        if (oximeter != null) {
            oximeter.stop();
        }
        if (cable != null) {
            cable.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void readsADesaturationAndASensorOffOverASerialPort() {
        // given: the sensor slips off between simulated seconds 40 and 60
        cable = PtyPair.start(directory);
        oximeter = MasimoOximeter.builder(Scenarios.DESATURATION, 7).serialPort(cable.b()).speed(10)
                .interval(Duration.ofMillis(100))
                .fault(OximeterFault.sensorOff(Duration.ofSeconds(40), Duration.ofSeconds(60))).build();
        connection = MasimoLinks.serial("chair 1 oximeter", cable.a().toString(),
                MasimoCodecSettings.defaults(OXIMETER), recorder, SUPERVISION, FAST, vertx, Clock.systemUTC());

        // when
        oximeter.start();
        connection.start();

        // then: the SpO2 falls below 85 %, the sensor comes off and goes back on
        await().atMost(30, TimeUnit.SECONDS).until(() -> phases().contains(AlarmPhase.END));
        assertThat(spo2Values()).anyMatch(value -> value != null && value < 85);
        assertThat(spo2Values()).contains((Double) null);
        assertThat(recorder.results()).filteredOn(DeviceAlarmReport.class::isInstance)
                .map(DeviceAlarmReport.class::cast)
                .extracting(DeviceAlarmReport::alarmCode).containsOnly("masimo-sensor-off");
        assertThat(phases()).containsExactly(AlarmPhase.START, AlarmPhase.END);
        assertThat(recorder.count("decode failed: Masimo line: no date")).isLessThanOrEqualTo(1);
        assertThat(recorder.results()).allSatisfy(report -> assertThat(report.deviceTime()).isNotNull());
    }

    @Test
    void readsAnOximeterThroughATerminalServerAndReportsItSilentWhenItStops() {
        // given
        oximeter = MasimoOximeter.builder(Scenarios.NORMAL, 7).terminalServer("127.0.0.1", 0)
                .interval(Duration.ofMillis(100)).build();
        oximeter.start();
        connection = MasimoLinks.terminalServer("chair 1 oximeter", "127.0.0.1", oximeter.tcpPort(),
                MasimoCodecSettings.defaults(OXIMETER), recorder, SUPERVISION, FAST, vertx, Clock.systemUTC());

        // when
        connection.start();
        await().atMost(20, TimeUnit.SECONDS).until(() -> recorder.results().size() > 5);
        oximeter.stop();

        // then
        await().atMost(20, TimeUnit.SECONDS).until(() -> recorder.count("silent") + recorder.count("disconnected") > 0);
        assertThat(spo2Values()).allSatisfy(value -> assertThat(value).isBetween(90.0, 100.0));
        assertThat(recorder.results()).extracting(report -> report.messageKey().controlId()).doesNotHaveDuplicates();
    }

    private List<Double> spo2Values() {
        return recorder.results().stream().filter(DeviceObservations.class::isInstance)
                .map(DeviceObservations.class::cast)
                .flatMap(observations -> observations.observations().stream())
                .filter(observation -> observation.mdcCode() == Vital.SPO2.mdcCode())
                .map(observation -> observation.value()).toList();
    }

    private List<AlarmPhase> phases() {
        return recorder.results().stream().filter(DeviceAlarmReport.class::isInstance)
                .map(report -> ((DeviceAlarmReport) report).phase()).toList();
    }
}
