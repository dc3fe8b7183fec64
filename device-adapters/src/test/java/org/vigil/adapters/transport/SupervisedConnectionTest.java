package org.vigil.adapters.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.testing.MutableClock;

class SupervisedConnectionTest {

    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTransport transport = new InMemoryTransport();
    private final LineCodec codec = new LineCodec();
    private final RecordingConnectionListener<Integer> listener = new RecordingConnectionListener<>();
    private Vertx vertx;
    private SupervisedConnection<Integer> connection;

    @BeforeEach
    void createConnection() {
        vertx = Vertx.vertx();
        connection = new SupervisedConnection<>("chair 3 monitor", transport, codec, listener,
                SupervisionSettings.defaults().withTickInterval(Duration.ofMillis(5)), vertx, clock);
    }

    @AfterEach
    void closeVertx() throws Exception {
        connection.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void deliversDecodedResultsInOrderWithTheReceiveTime() {
        // given
        startConnected();
        clock.advance(Duration.ofMillis(1_500));

        // when
        transport.deliver("V:1");
        transport.deliver("20\nV:");
        transport.deliver("80\n");

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.results()).containsExactly(120, 80));
        assertThat(listener.receivedAt()).containsOnly(START.plusMillis(1_500));
        ConnectionCounters statistics = connection.counters();
        assertThat(statistics.bytesIn()).isEqualTo(11);
        assertThat(statistics.framesOk()).isEqualTo(2);
        assertThat(statistics.results()).isEqualTo(2);
        assertThat(statistics.lastMessageAt()).contains(START.plusMillis(1_500));
    }

    @Test
    void sendsTheCodecsGreetingOnConnectAndItsPollsWhenDue() {
        // given
        startConnected();
        await().atMost(5, TimeUnit.SECONDS).until(() -> transport.written().equals("HELLO?\n"));

        // when
        clock.advance(LineCodec.POLL_INTERVAL);
        awaitTickAt(START.plus(LineCodec.POLL_INTERVAL));

        // then
        assertThat(transport.written()).isEqualTo("HELLO?\nPOLL\n");
        assertThat(connection.counters().bytesOut()).isEqualTo(12);
    }

    @Test
    void reportsSilenceOnceWhenNoUsableMessageArrivesForTheTimeout() {
        // given
        startConnected();
        transport.deliver("V:98\n");
        await().atMost(5, TimeUnit.SECONDS).until(() -> listener.results().size() == 1);

        // when
        clock.advance(Duration.ofMillis(9_999));
        awaitTickAt(START.plusMillis(9_999));

        // then
        assertThat(listener.events()).noneMatch(event -> event.startsWith("silent"));
        assertThat(connection.counters().silent()).isFalse();

        // when
        clock.advance(Duration.ofMillis(1));

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.events())
                .contains("silent since 2025-03-01T09:00:00Z at 2025-03-01T09:00:10Z"));
        assertThat(connection.counters().silent()).isTrue();

        // when
        clock.advance(Duration.ofSeconds(30));
        awaitTickAt(START.plusSeconds(40));

        // then
        assertThat(listener.events()).filteredOn(event -> event.startsWith("silent")).hasSize(1);
    }

    @Test
    void framesWithoutAUsableMessageDoNotEndASilence() {
        // given
        startConnected();
        clock.advance(Duration.ofSeconds(10));
        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().silent());

        // when
        transport.deliver("HELLO\nnonsense\n");
        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().decodeFailures() == 1);
        clock.advance(Duration.ofSeconds(1));
        awaitTickAt(START.plusSeconds(11));

        // then
        assertThat(connection.counters().framesOk()).isEqualTo(1);
        assertThat(connection.counters().silent()).isTrue();
        assertThat(listener.events()).noneMatch(event -> event.startsWith("recovered"));
    }

    @Test
    void reportsRecoveryWhenUsableMessagesResumeAndTimesTheNextSilenceFromThem() {
        // given
        startConnected();
        clock.advance(Duration.ofSeconds(12));
        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().silent());

        // when
        transport.deliver("V:71\n");

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.events())
                .endsWith("recovered at 2025-03-01T09:00:12Z"));
        assertThat(connection.counters().silent()).isFalse();
        assertThat(listener.results()).containsExactly(71);

        // when
        clock.advance(Duration.ofSeconds(10));

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.events())
                .endsWith("silent since 2025-03-01T09:00:12Z at 2025-03-01T09:00:22Z"));
    }

    @Test
    void countsDecodeFailuresAndCodecErrorsWithoutDroppingTheConnection() {
        // given
        startConnected();

        // when
        transport.deliver("garbage\nV:7\n");
        transport.deliver("BOOM\n");
        transport.deliver("V:8\n");

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.results()).containsExactly(7, 8));
        ConnectionCounters statistics = connection.counters();
        assertThat(statistics.decodeFailures()).isEqualTo(2);
        assertThat(statistics.lastDecodeFailure()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("codec error").contains("codec bug"));
        assertThat(statistics.state()).isEqualTo(TransportState.CONNECTED);
        assertThat(listener.events()).contains("decode failed: not a line of this protocol: garbage")
                .doesNotContainSubsequence("connected", "disconnected");
        assertThat(transport.isClosed()).isFalse();
    }

    @Test
    void reportsAnOutageOnceHoweverManyAttemptsFailAndCountsTheReconnect() {
        // given
        startConnected();

        // when
        transport.drop("port /dev/ttyUSB0 lost: read error (errno 5)");
        transport.failAttempt("cannot open /dev/ttyUSB0");
        transport.failAttempt("cannot open /dev/ttyUSB0");
        transport.connect();

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().connections() == 2);
        assertThat(listener.events()).containsExactly("connected",
                "disconnected: port /dev/ttyUSB0 lost: read error (errno 5)", "connected");
        ConnectionCounters statistics = connection.counters();
        assertThat(statistics.reconnects()).isEqualTo(1);
        assertThat(statistics.lastDisconnectReason()).contains("cannot open /dev/ttyUSB0");
        assertThat(codec.disconnects()).hasSize(1);
        assertThat(transport.written()).isEqualTo("HELLO?\nHELLO?\n");
    }

    @Test
    void reportsAnUnreachableDeviceAsDisconnectedAndSilentFromTheStart() {
        // given
        connection.start();
        await().atMost(5, TimeUnit.SECONDS).until(transport::isOpen);

        // when
        transport.failAttempt("cannot connect to 10.1.2.3:4001: Connection refused");
        await().atMost(5, TimeUnit.SECONDS).until(() -> !listener.events().isEmpty());
        clock.advance(Duration.ofSeconds(10));

        // then
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(listener.events()).containsExactly(
                "disconnected: cannot connect to 10.1.2.3:4001: Connection refused",
                "silent since 2025-03-01T09:00:00Z at 2025-03-01T09:00:10Z"));
        assertThat(codec.ticks()).isEmpty();
    }

    @Test
    void sendsBytesFromOutsideTheCodecAndCountsThoseItCannotSend() {
        // given
        startConnected();

        // when
        connection.write(LineCodec.bytes("ACK 17\n"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> transport.written().endsWith("ACK 17\n"));
        transport.drop("closed by peer");
        connection.write(LineCodec.bytes("ACK 18\n"));

        // then
        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().writesDropped() == 1);
        assertThat(transport.written()).isEqualTo("HELLO?\nACK 17\n");
        assertThat(connection.counters().bytesOut()).isEqualTo(14);
    }

    @Test
    void stopClosesTheTransportAndReportsNothingMore() {
        // given
        startConnected();

        // when
        connection.stop();
        transport.deliver("V:1\n");
        transport.drop("closed");

        // then
        assertThat(transport.isClosed()).isTrue();
        int ticksAtStop = codec.ticks().size();
        clock.advance(Duration.ofSeconds(20));
        await().atMost(5, TimeUnit.SECONDS).during(100, TimeUnit.MILLISECONDS)
                .untilAsserted(() -> assertThat(codec.ticks()).hasSizeLessThanOrEqualTo(ticksAtStop + 1));
        assertThat(listener.results()).isEmpty();
        assertThat(listener.events()).containsExactly("connected");
    }

    private void startConnected() {
        connection.start();
        await().atMost(5, TimeUnit.SECONDS).until(transport::isOpen);
        transport.connect();
        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.counters().state() == TransportState.CONNECTED);
    }

    private void awaitTickAt(Instant time) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> codec.ticks().stream().anyMatch(tick -> !tick.isBefore(time)));
    }
}
