package org.vigil.adapters.hl7;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.Pcd01Examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The MLLP listener's connection caps and idle timeout, with real sockets on loopback addresses. */
class MllpConnectionLimitsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String GATEWAY_NIBP = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);
    private static final Duration NO_IDLE_TIMEOUT = Duration.ZERO;

    private final InMemorySink sink = new InMemorySink();
    private final List<MllpTestClient> clients = new ArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private Vertx vertx;
    private Hl7Listener listener;
    private int port;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        sender.shutdownNow();
        for (MllpTestClient client : clients) {
            client.close();
        }
        if (listener != null) {
            listener.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void closesAConnectionBeyondTheListenersCapAndKeepsTheOthers() throws Exception {
        // given
        start(new MllpConnectionLimits(3, 32, NO_IDLE_TIMEOUT));
        List<MllpTestClient> admitted = List.of(connect("127.0.0.1"), connect("127.0.0.2"), connect("127.0.0.3"));
        await().atMost(PATIENCE).until(() -> listener.connections().open() == 3);

        // when
        MllpTestClient fourth = connect("127.0.0.4");

        // then
        await().atMost(PATIENCE).until(fourth::closedByPeer);
        admitted.forEach(client -> client.send(Mllp.wrap(GATEWAY_NIBP)));
        await().atMost(PATIENCE).until(() -> admitted.stream().allMatch(client -> client.acks().size() == 1));
        assertThat(listener.connections().refused()).isEqualTo(1);
        assertThat(listener.connections().peakOpen()).isEqualTo(3);
        assertThat(listener.counters().connectionsAccepted()).isEqualTo(3);
    }

    @Test
    void closesAConnectionBeyondTheCapOfItsAddressAndAcceptsOtherAddresses() throws Exception {
        // given
        start(new MllpConnectionLimits(10, 2, NO_IDLE_TIMEOUT));
        connect("127.0.0.2");
        connect("127.0.0.2");
        await().atMost(PATIENCE).until(() -> listener.connections().open() == 2);

        // when
        MllpTestClient third = connect("127.0.0.2");
        MllpTestClient elsewhere = connect("127.0.0.3");

        // then
        await().atMost(PATIENCE).until(third::closedByPeer);
        elsewhere.send(Mllp.wrap(GATEWAY_NIBP));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(elsewhere.acks()).singleElement()
                .satisfies(ack -> assertThat(ack).contains("\rMSA|AA|")));
        assertThat(listener.connections().refused()).isEqualTo(1);
    }

    @Test
    void givesTheSlotOfAClosedConnectionToTheNext() throws Exception {
        // given
        start(new MllpConnectionLimits(1, 1, NO_IDLE_TIMEOUT));
        MllpTestClient first = connect("127.0.0.1");
        await().atMost(PATIENCE).until(() -> listener.connections().open() == 1);

        // when
        first.close();
        await().atMost(PATIENCE).until(() -> listener.connections().open() == 0);
        MllpTestClient next = connect("127.0.0.1");
        next.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(() -> next.acks().size() == 1);
        assertThat(listener.connections().refused()).isZero();
    }

    @Test
    void closesAConnectionThatSendsNothingWithinTheIdleTimeout() throws Exception {
        // given
        start(new MllpConnectionLimits(10, 10, Duration.ofSeconds(1)));

        // when
        MllpTestClient silent = connect("127.0.0.1");

        // then
        await().atMost(PATIENCE).until(silent::closedByPeer);
        assertThat(listener.connections().closedIdle()).isEqualTo(1);
        assertThat(listener.connections().open()).isZero();
    }

    @Test
    void keepsALinkWhoseMessagesComeMoreOftenThanTheIdleTimeout() throws Exception {
        // given
        start(new MllpConnectionLimits(10, 10, Duration.ofSeconds(1)));
        MllpTestClient keptAlive = connect("127.0.0.1");

        // when
        sender.scheduleAtFixedRate(() -> keptAlive.send(Mllp.wrap(GATEWAY_NIBP)), 0, 300, TimeUnit.MILLISECONDS);

        // then
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> !keptAlive.closedByPeer());
        assertThat(keptAlive.acks()).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(ack -> assertThat(ack).contains("\rMSA|AA|"));
        assertThat(listener.connections().closedIdle()).isZero();
    }

    @Test
    void closesASlowLorisThatNeverFinishesAMessage() throws Exception {
        // given
        start(new MllpConnectionLimits(10, 10, Duration.ofSeconds(1)));
        MllpTestClient slow = connect("127.0.0.1");
        byte[] message = Mllp.wrap(GATEWAY_NIBP);
        int[] next = {0};

        // when
        sender.scheduleAtFixedRate(() -> {
            if (!slow.closedByPeer()) {
                slow.send(new byte[] {message[next[0]++]});
            }
        }, 0, 100, TimeUnit.MILLISECONDS);

        // then
        await().atMost(PATIENCE).until(slow::closedByPeer);
        assertThat(next[0]).isLessThan(message.length);
        assertThat(sink.received()).isEmpty();
        assertThat(listener.connections().closedIdle()).isEqualTo(1);
    }

    private void start(MllpConnectionLimits limits) throws Exception {
        listener = new Hl7Listener(vertx, Hl7ListenerSettings.of("127.0.0.1", 0), limits, Optional.empty(), sink,
                Clock.systemUTC());
        port = listener.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A client whose connection comes from {@code source}, one of the loopback addresses 127.0.0.0/8. */
    private MllpTestClient connect(String source) throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        MllpTestClient client = new MllpTestClient(socket);
        clients.add(client);
        return client;
    }

}
