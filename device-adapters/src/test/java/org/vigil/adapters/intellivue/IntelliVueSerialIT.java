package org.vigil.adapters.intellivue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.transport.ConnectionCounters;
import org.vigil.adapters.transport.PtyPair;
import org.vigil.adapters.transport.SerialSettings;
import org.vigil.adapters.transport.SerialTransport;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.TransportState;
import org.vigil.core.api.DeviceObservations;
import org.vigil.simulator.intellivue.IntelliVueLink;
import org.vigil.simulator.intellivue.IntelliVueMonitor;

/**
 * End to end over a serial cable: the simulator's IntelliVue monitor on one end of a socat pseudo-terminal pair, the
 * adapter's serial transport, supervision and IntelliVue codec on the other.
 */
class IntelliVueSerialIT {

    @TempDir
    Path directory;

    private final RecordingObservationsListener listener = new RecordingObservationsListener();
    private Vertx vertx;
    private PtyPair cable;
    private IntelliVueMonitor monitor;
    private SupervisedConnection<DeviceObservations> connection;

    @BeforeEach
    void plugInTheMonitor() {
        vertx = Vertx.vertx();
        cable = PtyPair.start(directory);
        monitor = new IntelliVueMonitor("sim-intellivue-01", KnownPatient.SCENARIO, 1,
                IntelliVueLink.serial(cable.a()), KnownPatient.MONITOR, Clock.systemUTC(), 1.0);
        monitor.start();
    }

    @AfterEach
    void unplugEverything() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        monitor.stop();
        cable.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void deliversTheMonitorsNumericsAndRecoversAfterTheCableIsPulledAndPluggedBackIn() {
        // given
        connection = IntelliVueLinks.supervised(KnownPatient.CLIENT,
                new SerialTransport(SerialSettings.intelliVue(cable.b().toString()), KnownPatient.FAST), listener,
                KnownPatient.SUPERVISION, vertx, Clock.systemUTC());

        // when
        connection.start();

        // then: the numerics every second, and the cuff reading once the cuff has cycled
        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.results().stream()
                .anyMatch(KnownPatient::showsTheCuffReading));
        assertThat(listener.results()).allSatisfy(KnownPatient::assertNumerics);

        // when
        cable.kill();

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> listener.count("disconnected") == 1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> listener.count("silent") == 1);
        assertThat(connection.counters().state()).isNotEqualTo(TransportState.CONNECTED);
        int beforeReplug = listener.results().size();

        // when
        cable.restart();

        // then: a new association, and the numerics again with the cuff reading still shown
        await().atMost(15, TimeUnit.SECONDS).until(() -> listener.results().size() >= beforeReplug + 2);
        assertThat(listener.results()).allSatisfy(KnownPatient::assertNumerics);
        assertThat(KnownPatient.showsTheCuffReading(listener.results().get(listener.results().size() - 1))).isTrue();
        assertThat(listener.events()).startsWith("connected").contains("recovered")
                .noneMatch(event -> event.startsWith("decode failed"));
        ConnectionCounters statistics = connection.counters();
        assertThat(statistics.connections()).isEqualTo(2);
        assertThat(statistics.silent()).isFalse();
        assertThat(monitor.statistics().associations()).isGreaterThanOrEqualTo(2);
        assertThat(monitor.statistics().linksOpened()).isEqualTo(2);
    }
}
