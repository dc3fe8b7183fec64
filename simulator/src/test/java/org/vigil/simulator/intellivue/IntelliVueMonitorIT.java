package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/** The monitor served on a real TCP port, as a terminal server presents it, polled by a hand-driven client. */
class IntelliVueMonitorIT {

    private static final ScriptedScenario SCENARIO = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, 91),
            ScriptedValue.at(Duration.ZERO, VitalSign.SPO2, 94),
            ScriptedValue.at(Duration.ZERO, VitalSign.RESPIRATORY_RATE, 17),
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 150),
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 96));

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private IntelliVueMonitor monitor;

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        if (monitor != null) {
            monitor.stop();
        }
    }

    @Test
    void answersAClientThatAssociatesAndPollsOverTcp() throws IOException {
        // given
        monitor = startMonitor(0);
        DataExportClient client = connect(monitor.localPort().orElseThrow());

        // when
        List<byte[]> associated = client.associate();
        byte[] answer = client.poll();

        // then
        assertThat(associated).hasSize(2);
        assertThat(MonitorReplyReader.poll(answer, true).values()).contains(
                entry(0x4182, 91), entry(0x4BB8, 94), entry(0x4822, 91), entry(0x500A, 17),
                entry(0x4A05, 150), entry(0x4A06, 96), entry(0x4A07, 114));
        IntelliVueMonitorStatistics statistics = monitor.statistics();
        assertThat(statistics.linkUp()).isTrue();
        assertThat(statistics.linksOpened()).isEqualTo(1);
        assertThat(statistics.associations()).isEqualTo(1);
        assertThat(statistics.pollsAnswered()).isEqualTo(1);
        assertThat(statistics.rejected()).isZero();
        assertThat(statistics.bytesIn()).isPositive();
        assertThat(statistics.bytesOut()).isPositive();
    }

    @Test
    void letsANewClientTakeTheLineOverFromThePreviousOne() throws IOException {
        // given
        monitor = startMonitor(0);
        int port = monitor.localPort().orElseThrow();
        DataExportClient first = connect(port);
        first.associate();

        // when
        DataExportClient second = connect(port);
        second.associate();
        byte[] answer = second.poll();

        // then
        assertThat(first.endOfStream()).isTrue();
        assertThat(MonitorReplyReader.poll(answer, true).values()).containsEntry(0x4182, 91);
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(monitor.statistics())
                .extracting(IntelliVueMonitorStatistics::linkUp, IntelliVueMonitorStatistics::linksOpened,
                        IntelliVueMonitorStatistics::associations)
                .containsExactly(true, 2L, 2L));
    }

    @Test
    void closesTheClientAndFreesThePortOnStop() throws IOException {
        // given
        monitor = startMonitor(0);
        int port = monitor.localPort().orElseThrow();
        DataExportClient client = connect(port);
        client.associate();

        // when
        monitor.stop();

        // then
        assertThat(client.endOfStream()).isTrue();
        assertThat(monitor.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("vigil-sim-" + monitor.name()));
        monitor = startMonitor(port);
        assertThat(connect(port).associate()).hasSize(2);
    }

    @Test
    void refusesToStartOnAPortInUse() throws IOException {
        // given
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        toClose.add(taken);
        IntelliVueMonitor second = new IntelliVueMonitor("sim-intellivue-09", SCENARIO, 1,
                IntelliVueLink.tcpLoopback(taken.getLocalPort()), ImpersonatorConfig.defaults(), Clock.systemUTC(),
                1.0);

        // when / then
        assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot listen on tcp-listen");
        second.stop();
    }

    private IntelliVueMonitor startMonitor(int port) {
        IntelliVueMonitor started = new IntelliVueMonitor("sim-intellivue-01", SCENARIO, 1,
                IntelliVueLink.tcpLoopback(port), ImpersonatorConfig.defaults(), Clock.systemUTC(), 1.0);
        started.start();
        return started;
    }

    private DataExportClient connect(int port) throws IOException {
        DataExportClient client = DataExportClient.connect(port);
        toClose.add(client);
        return client;
    }
}
