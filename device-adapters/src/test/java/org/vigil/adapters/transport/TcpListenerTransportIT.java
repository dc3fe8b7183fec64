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
    void refusesAConnectionFromAnAddressNotAllowed() throws IOException {
        // given: the device may connect from 127.0.0.2 only
        int port = startListening(AddressAllowList.of(List.of("127.0.0.2")));

        // when: someone connects from 127.0.0.1
        try (Socket intruder = connect(port)) {

            // then: the connection is closed at once and never becomes the link
            assertThat(intruder.getInputStream().read()).isEqualTo(-1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> transport.refusedConnections() == 1);
            assertThat(recorder.count(TransportState.CONNECTED)).isZero();
            assertThat(transport.write(ascii("x"))).isFalse();
        }

        // when: the device connects from its own address
        try (Socket device = connectFrom("127.0.0.2", port)) {

            // then
            await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.lastState() == TransportState.CONNECTED);
            assertThat(transport.write(ascii("hello"))).isTrue();
            assertThat(device.getInputStream().readNBytes(5)).isEqualTo(ascii("hello"));
        }
    }

    @Test
    @SuppressWarnings("try") // the device's connection is only held open
    void acceptsASubnetOfAllowedAddresses() throws IOException {
        // given
        int port = startListening(AddressAllowList.of(List.of("127.0.0.0/30")));

        // when
        try (Socket device = connectFrom("127.0.0.2", port)) {

            // then
            await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.lastState() == TransportState.CONNECTED);
            assertThat(transport.refusedConnections()).isZero();
        }
    }

    @Test
    void aConnectionFromAnotherAddressDoesNotTakeOverTheLiveLink() throws IOException {
        // given: no allowed addresses configured; the device is connected from 127.0.0.1
        int port = startListening();
        try (Socket device = connect(port)) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> recorder.count(TransportState.CONNECTED) == 1);

            // when: another host connects
            try (Socket other = connectFrom("127.0.0.3", port)) {

                // then: it is refused and the device keeps its link
                assertThat(other.getInputStream().read()).isEqualTo(-1);
                await().atMost(5, TimeUnit.SECONDS).until(() -> transport.refusedConnections() == 1);
                assertThat(transport.write(ascii("still"))).isTrue();
                assertThat(device.getInputStream().readNBytes(5)).isEqualTo(ascii("still"));
                assertThat(recorder.count(TransportState.CONNECTED)).isEqualTo(1);
                assertThat(recorder.count(TransportState.DISCONNECTED)).isZero();
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
        return startListening(AddressAllowList.any());
    }

    private int startListening(AddressAllowList allowed) {
        transport = new TcpListenerTransport(vertx, "127.0.0.1", 0, FAST, allowed);
        transport.open(recorder);
        await().atMost(5, TimeUnit.SECONDS).until(() -> transport.actualPort() > 0);
        return transport.actualPort();
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** A connection from another loopback address: all of 127.0.0.0/8 reaches this host. */
    private static Socket connectFrom(String localAddress, int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress), 0);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
