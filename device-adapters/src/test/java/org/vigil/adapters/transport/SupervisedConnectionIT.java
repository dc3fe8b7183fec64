package org.vigil.adapters.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedConnectionIT {

    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0);
    private static final SupervisionSettings QUICK = new SupervisionSettings(Duration.ofMillis(400), Duration.ofMillis(20));

    @TempDir
    Path directory;

    private final RecordingConnectionListener<Integer> listener = new RecordingConnectionListener<>();
    private Vertx vertx;
    private SupervisedConnection<Integer> connection;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void supervisesACodecOverATerminalServerConnection() throws IOException {
        // given
        try (ServerSocket terminalServer = listenOnLoopback()) {
            connection = new SupervisedConnection<>("chair 1 pump", new TcpClientTransport(vertx, "127.0.0.1",
                    terminalServer.getLocalPort(), FAST), new LineCodec(), listener, QUICK, vertx, Clock.systemUTC());
            connection.start();
            Socket device = terminalServer.accept();
            device.setSoTimeout(5_000);
            OutputStream toAdapter = device.getOutputStream();

            // when the device answers the greeting and sends a reading
            assertThat(device.getInputStream().readNBytes(7)).isEqualTo(LineCodec.bytes("HELLO?\n"));
            toAdapter.write(LineCodec.bytes("HELLO\nV:120\n"));

            // then
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.results()).containsExactly(120));

            // then, once the device says nothing more, it is reported silent while still connected
            await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().silent());
            assertThat(connection.counters().state()).isEqualTo(TransportState.CONNECTED);

            // when it sends garbage, then a reading
            toAdapter.write(LineCodec.bytes("%%%\nV:118\n"));

            // then
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.results()).containsExactly(120, 118));
            assertThat(connection.counters().silent()).isFalse();
            assertThat(connection.counters().decodeFailures()).isEqualTo(1);
            assertThat(listener.events()).filteredOn(event -> event.startsWith("recovered")).hasSize(1);

            // when the terminal server drops the connection, then takes the next one
            device.close();
            await().atMost(5, TimeUnit.SECONDS).until(() -> listener.events().stream()
                    .anyMatch(event -> event.startsWith("disconnected")));
            try (Socket again = terminalServer.accept()) {
                again.setSoTimeout(5_000);

                // then the codec starts over on the new connection
                assertThat(again.getInputStream().readNBytes(7)).isEqualTo(LineCodec.bytes("HELLO?\n"));
                assertThat(connection.counters().reconnects()).isEqualTo(1);
                assertThat(listener.events()).filteredOn(event -> event.startsWith("connected")).hasSize(2);
            }
        }
    }

    @Test
    void supervisesACodecOverASerialPortThatIsUnpluggedAndPluggedBackIn() {
        // given
        try (PtyPair cable = PtyPair.start(directory)) {
            RecordingTransportListener deviceSide = new RecordingTransportListener();
            SerialTransport device = new SerialTransport(SerialSettings.pump(cable.b().toString()), FAST);
            device.open(deviceSide);
            connection = new SupervisedConnection<>("chair 2 pump", new SerialTransport(
                    SerialSettings.pump(cable.a().toString()), FAST), new LineCodec(), listener, QUICK, vertx,
                    Clock.systemUTC());
            connection.start();
            await().atMost(5, TimeUnit.SECONDS).until(() -> deviceSide.count(TransportState.CONNECTED) == 1
                    && connection.counters().state() == TransportState.CONNECTED);
            device.write(LineCodec.bytes("V:42\n"));
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.results()).containsExactly(42));

            // when
            cable.kill();

            // then
            await().atMost(3, TimeUnit.SECONDS).until(() -> connection.counters().state() != TransportState.CONNECTED);
            await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().silent());

            // when
            cable.restart();
            await().atMost(5, TimeUnit.SECONDS).until(() -> deviceSide.count(TransportState.CONNECTED) == 2
                    && connection.counters().connections() == 2);
            device.write(LineCodec.bytes("V:43\n"));

            // then
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.results()).containsExactly(42, 43));
            assertThat(connection.counters().silent()).isFalse();
            assertThat(listener.events()).first().isEqualTo("connected");
            assertThat(listener.events()).anyMatch(event -> event.startsWith("disconnected: port " + cable.a() + " lost"))
                    .anyMatch(event -> event.startsWith("silent"))
                    .anyMatch(event -> event.startsWith("recovered"));
            device.close();
        }
    }

    private static ServerSocket listenOnLoopback() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setSoTimeout(5_000);
        return server;
    }
}
