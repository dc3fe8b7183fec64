package org.vigil.adapters.intellivue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.transport.ConnectionCounters;
import org.vigil.adapters.transport.SupervisedConnection;
import org.vigil.adapters.transport.TcpClientTransport;
import org.vigil.core.api.DeviceObservations;
import org.vigil.simulator.intellivue.IntelliVueLink;
import org.vigil.simulator.intellivue.IntelliVueMonitor;

/**
 * End to end over a terminal server: the simulator's IntelliVue monitor served on a TCP port as a serial-to-Ethernet
 * terminal server presents it, the adapter's TCP client transport, supervision and IntelliVue codec dialling in.
 */
class IntelliVueTcpIT {

    private final RecordingObservationsListener listener = new RecordingObservationsListener();
    private Vertx vertx;
    private IntelliVueMonitor monitor;
    private SupervisedConnection<DeviceObservations> connection;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        if (monitor != null) {
            monitor.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void deliversTheMonitorsNumericsAndRecoversWhenTheTerminalServerComesBack() {
        // given
        monitor = startMonitor(0);
        int port = monitor.localPort().orElseThrow();
        connection = IntelliVueLinks.supervised(KnownPatient.CLIENT,
                new TcpClientTransport(vertx, "127.0.0.1", port, KnownPatient.FAST), listener,
                KnownPatient.SUPERVISION, vertx, Clock.systemUTC());

        // when
        connection.start();

        // then
        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.results().stream()
                .anyMatch(KnownPatient::showsTheCuffReading));
        assertThat(listener.results()).allSatisfy(KnownPatient::assertNumerics);

        // when
        monitor.stop();

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> listener.count("disconnected") == 1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> listener.count("silent") == 1);
        int beforeReturn = listener.results().size();

        // when
        monitor = startMonitor(port);

        // then
        await().atMost(15, TimeUnit.SECONDS).until(() -> listener.results().size() >= beforeReturn + 2);
        assertThat(listener.results()).allSatisfy(KnownPatient::assertNumerics);
        assertThat(listener.events()).startsWith("connected").contains("recovered")
                .noneMatch(event -> event.startsWith("decode failed"));
        ConnectionCounters statistics = connection.counters();
        assertThat(statistics.connections()).isEqualTo(2);
        assertThat(statistics.silent()).isFalse();
        assertThat(monitor.statistics().associations()).isEqualTo(1);
        assertThat(monitor.statistics().linksOpened()).isEqualTo(1);
    }

    private IntelliVueMonitor startMonitor(int port) {
        IntelliVueMonitor started = new IntelliVueMonitor("sim-intellivue-01", KnownPatient.SCENARIO, 1,
                IntelliVueLink.tcpLoopback(port), KnownPatient.MONITOR, Clock.systemUTC(), 1.0);
        started.start();
        return started;
    }
}
