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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpListenerTransportIT {

    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0);

    private final RecordingTransportListener recorder = new RecordingTransportListener();
    private Vertx vertx;
    private TcpListenerTransport transport;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (transport != null) {
            transport.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void carriesBytesBothWaysWithAGatewayAndNoticesItLeave() throws IOException {
        // given
        int port = startListening();
        try (Socket gateway = connect(port)) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.lastState() == TransportState.CONNECTED);

            // when
            byte[] message = ascii("\u000bMSH|^~\\&|GW\r\u001c\r");
            byte[] ack = ascii("\u000bMSA|AA\r\u001c\r");
            gateway.getOutputStream().write(message);
            assertThat(transport.write(ack)).isTrue();

            // then
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(recorder.receivedBytes())
                    .isEqualTo(message));
            assertThat(gateway.getInputStream().readNBytes(ack.length)).isEqualTo(ack);
        }

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.DISCONNECTED) == 1);
        assertThat(recorder.lastDetail(TransportState.DISCONNECTED)).contains("closed the connection");
        assertThat(recorder.lastState()).isEqualTo(TransportState.CONNECTING);
        assertThat(transport.write(new byte[] {1})).isFalse();
    }

    @Test
    void acceptsTheGatewayAgainAfterItLeft() throws IOException {
        // given
        int port = startListening();
        connect(port).close();
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.DISCONNECTED) == 1);

        // when
        try (Socket gateway = connect(port)) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.CONNECTED) == 2);
            assertThat(transport.write(ascii("hello"))).isTrue();

            // then
            assertThat(gateway.getInputStream().readNBytes(5)).isEqualTo(ascii("hello"));
        }
    }

    @Test
    void aNewConnectionReplacesTheCurrentOne() throws IOException {
        // given
        int port = startListening();
        try (Socket stale = connect(port)) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.CONNECTED) == 1);

            // when
            try (Socket rebooted = connect(port)) {
                await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.CONNECTED) == 2);
                rebooted.getOutputStream().write(ascii("fresh"));
                assertThat(transport.write(ascii("reply"))).isTrue();

                // then
                assertThat(stale.getInputStream().read()).isEqualTo(-1);
                assertThat(rebooted.getInputStream().readNBytes(5)).isEqualTo(ascii("reply"));
                await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(recorder.receivedBytes())
                        .isEqualTo(ascii("fresh")));
                assertThat(recorder.lastDetail(TransportState.DISCONNECTED)).contains("replaced by a new connection");
                assertThat(recorder.lastState()).isEqualTo(TransportState.CONNECTED);
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the gateway's connection is only held open
    void keepsTryingToListenWhileThePortIsTaken() throws IOException {
        // given
        ServerSocket squatter = new ServerSocket();
        squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = squatter.getLocalPort();
        transport = new TcpListenerTransport(vertx, "127.0.0.1", port, FAST);
        transport.open(recorder);
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.DISCONNECTED) >= 2);
        assertThat(recorder.lastDetail(TransportState.DISCONNECTED)).startsWith("cannot listen on 127.0.0.1:" + port);

        // when
        squatter.close();

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.lastState() == TransportState.CONNECTING);
        try (Socket gateway = connect(port)) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.lastState() == TransportState.CONNECTED);
        }
    }

    private int startListening() {
        transport = new TcpListenerTransport(vertx, "127.0.0.1", 0, FAST);
        transport.open(recorder);
        await().atMost(5, TimeUnit.SECONDS).until(() -> transport.actualPort() > 0);
        return transport.actualPort();
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
