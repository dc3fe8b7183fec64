package org.vigil.adapters.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpClientTransportIT {

    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0);

    private final RecordingTransportListener recorder = new RecordingTransportListener();
    private Vertx vertx;
    private ServerSocket terminalServer;
    private TcpClientTransport transport;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (terminalServer != null) {
            terminalServer.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void carriesBytesBothWaysAndReconnectsAfterTheServerClosesTheConnection() throws IOException {
        // given
        terminalServer = listen(0);
        transport = new TcpClientTransport(vertx, "127.0.0.1", terminalServer.getLocalPort(), FAST);
        transport.open(recorder);
        Socket device = terminalServer.accept();
        device.setSoTimeout(5_000);
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.lastState() == TransportState.CONNECTED);

        // when
        assertThat(transport.write(ascii("!INF|1A2B\r"))).isTrue();
        device.getOutputStream().write(ascii("!INF^OK^38.5|C0DE\r"));

        // then
        assertThat(device.getInputStream().readNBytes(10)).isEqualTo(ascii("!INF|1A2B\r"));
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(recorder.receivedBytes())
                .isEqualTo(ascii("!INF^OK^38.5|C0DE\r")));

        // when
        device.close();

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.DISCONNECTED) == 1);
        assertThat(recorder.lastDetail(TransportState.DISCONNECTED)).contains("closed the connection");

        // when
        Socket again = terminalServer.accept();
        again.setSoTimeout(5_000);

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.CONNECTED) == 2);
        assertThat(transport.write(ascii("!INF|1A2B\r"))).isTrue();
        assertThat(again.getInputStream().readNBytes(10)).isEqualTo(ascii("!INF|1A2B\r"));
        again.close();
    }

    @Test
    void retriesWithGrowingDelaysUntilTheTerminalServerListens() throws IOException {
        // given
        int port = freePort();
        transport = new TcpClientTransport(vertx, "127.0.0.1", port,
                new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 2.0));

        // when
        transport.open(recorder);
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.DISCONNECTED) >= 5);

        // then
        List<Long> attempts = recorder.changes().stream()
                .filter(change -> change.state() == TransportState.CONNECTING)
                .map(RecordingTransportListener.Change::nanoTime).toList();
        List<Long> plannedDelaysMillis = List.of(50L, 100L, 200L, 200L);
        for (int i = 0; i < plannedDelaysMillis.size(); i++) {
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(attempts.get(i + 1) - attempts.get(i));
            assertThat(gapMillis).as("pause before attempt %d", i + 2)
                    .isGreaterThanOrEqualTo(plannedDelaysMillis.get(i) - 5);
        }
        assertThat(recorder.lastDetail(TransportState.DISCONNECTED)).startsWith("cannot connect to 127.0.0.1:" + port);
        assertThat(transport.write(new byte[] {1})).isFalse();

        // when
        terminalServer = listen(port);
        Socket device = terminalServer.accept();

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.lastState() == TransportState.CONNECTED);
        device.close();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server.setSoTimeout(5_000);
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = listen(0)) {
            return probe.getLocalPort();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
