package org.vigil.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.hl7.AckCode;
import org.vigil.simulator.testsupport.Hl7Text;
import org.vigil.simulator.testsupport.TinyMllpServer;
import org.vigil.simulator.testsupport.TinyMllpServer.Reply;

class LoadGeneratorIT {

    private TinyMllpServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void countsEveryAnswerByItsCodeAndTimesEveryAnsweredMessage() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> switch (index % 10) {
            case 3 -> Reply.nak("AE", "store unavailable");
            case 7 -> Reply.nak("AR", "unknown device");
            default -> Reply.ack("AA");
        });
        LoadSettings settings = LoadSettings.of("127.0.0.1", server.port()).withConnections(3)
                .withDuration(Duration.ofSeconds(30)).withMessageLimit(100);

        // when
        LoadResult result = new LoadGenerator(settings, Clock.systemUTC()).run();

        // then
        assertThat(result.accepted()).isEqualTo(80);
        assertThat(result.errors()).isEqualTo(10);
        assertThat(result.rejections()).isEqualTo(10);
        assertThat(result.timeouts()).isZero();
        assertThat(result.connectionFailures()).isZero();
        assertThat(result.latencies().getTotalCount()).isEqualTo(100);
        assertThat(result.latencyMillis(50)).isPositive().isLessThanOrEqualTo(result.latencyMillis(99));
        assertThat(result.latencyMillis(99)).isLessThanOrEqualTo(result.maxLatencyMillis());
        assertThat(result.throughputPerSecond()).isPositive();
        assertThat(result.allAccepted()).isFalse();
        assertThat(server.received()).hasSize(100);
        assertThat(server.controlIds()).doesNotHaveDuplicates();
        assertThat(server.connections()).isEqualTo(3);
        assertThat(server.received()).extracting(LoadGeneratorIT::reportingDevice)
                .containsOnly("load-monitor-01", "load-monitor-02", "load-monitor-03");
    }

    @Test
    void tellsItsListenerTheAnswerToEveryControlIdItSent() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> {
            String controlId = Hl7Text.field(message, "MSH", 10);
            if (controlId.endsWith("c1-2")) {
                return Reply.nak("AE", "store unavailable");
            }
            return controlId.endsWith("c2-1") ? Reply.silence() : Reply.ack("AA");
        });
        Map<String, RoundTrip> answers = new ConcurrentHashMap<>();
        Map<String, String> devices = new ConcurrentHashMap<>();
        LoadSettings settings = LoadSettings.of("127.0.0.1", server.port()).withConnections(2).withMessageLimit(10)
                .withAckTimeout(Duration.ofMillis(300));

        // when
        LoadResult result = new LoadGenerator(settings, Clock.systemUTC(), (device, controlId, trip) -> {
            answers.put(controlId, trip);
            devices.put(controlId, device);
        }).run();

        // then
        List<String> sent = server.controlIds();
        assertThat(answers).hasSize(10).containsOnlyKeys(sent);
        assertThat(answers).hasEntrySatisfying(only(sent, "c1-2"),
                trip -> assertThat(trip.ack()).contains(AckCode.ERROR));
        assertThat(answers).hasEntrySatisfying(only(sent, "c2-1"), trip -> assertThat(trip.timedOut()).isTrue());
        assertThat(answers.values()).allSatisfy(trip ->
                assertThat(trip.answeredAtNanos()).isGreaterThan(trip.writtenAtNanos()));
        assertThat(devices).containsEntry(only(sent, "c1-2"), "load-monitor-01")
                .containsEntry(only(sent, "c2-1"), "load-monitor-02");
        assertThat(answers.values().stream().filter(trip -> trip.ack().equals(Optional.of(AckCode.ACCEPT))).count())
                .isEqualTo(result.accepted()).isEqualTo(8);
    }

    private static String only(List<String> controlIds, String suffix) {
        List<String> matching = controlIds.stream().filter(id -> id.endsWith(suffix)).toList();
        assertThat(matching).as("control ids ending in %s", suffix).hasSize(1);
        return matching.get(0);
    }

    @Test
    void countsAMessageWithoutAnAckAsATimeoutAndGoesOnOverANewConnection() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> index == 2 ? Reply.silence() : Reply.ack("AA"));
        LoadSettings settings = LoadSettings.of("127.0.0.1", server.port()).withMessageLimit(5)
                .withAckTimeout(Duration.ofMillis(300));

        // when
        LoadResult result = new LoadGenerator(settings, Clock.systemUTC()).run();

        // then
        assertThat(result.accepted()).isEqualTo(4);
        assertThat(result.timeouts()).isEqualTo(1);
        assertThat(result.latencies().getTotalCount()).isEqualTo(4);
        assertThat(server.received()).hasSize(5);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void sendsBackToBackUntilItsDurationAndAwaitsTheLastAnswer() throws Exception {
        // given
        server = TinyMllpServer.acceptingEverything();
        LoadSettings settings = LoadSettings.of("127.0.0.1", server.port()).withConnections(2)
                .withDuration(Duration.ofMillis(500));

        // when
        LoadResult result = new LoadGenerator(settings, Clock.systemUTC()).run();

        // then
        assertThat(result.accepted()).isGreaterThan(10);
        assertThat(result.allAccepted()).isTrue();
        assertThat(server.received()).hasSize((int) result.accepted());
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(3));
        assertThat(result.throughputPerSecond())
                .isCloseTo(result.accepted() / (result.elapsed().toNanos() / 1e9), within(0.01));
    }

    @Test
    void stopsEarlyWhenAskedAndCountsEveryMessageOnTheWire() throws Exception {
        // given
        server = TinyMllpServer.acceptingEverything();
        LoadGenerator generator = new LoadGenerator(LoadSettings.of("127.0.0.1", server.port()).withConnections(2)
                .withDuration(Duration.ofMinutes(5)), Clock.systemUTC());
        CompletableFuture<LoadResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return generator.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.received().size() >= 20);

        // when
        generator.stop();

        // then
        LoadResult result = running.get(10, TimeUnit.SECONDS);
        assertThat(result.accepted()).isGreaterThanOrEqualTo(20).isEqualTo(server.received().size());
        assertThat(result.connectionFailures()).isZero();
        assertThatThrownBy(generator::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsAReceiverThatIsNotThereAsConnectionFailures() throws Exception {
        // given
        int closedPort = closedPort();
        LoadSettings settings = LoadSettings.of("127.0.0.1", closedPort).withDuration(Duration.ofMillis(300));

        // when
        LoadResult result = new LoadGenerator(settings, Clock.systemUTC()).run();

        // then
        assertThat(result.answered()).isZero();
        assertThat(result.connectionFailures()).isPositive();
        assertThat(result.allAccepted()).isFalse();
    }

    @Test
    void sendsToTheStandbyWhenTheFirstReceiverIsNotThere() throws Exception {
        // given a first address nobody listens on and a standby that answers
        server = TinyMllpServer.start((message, index) -> Reply.ack("AA"));
        LoadSettings settings = LoadSettings.of("127.0.0.1", closedPort()).withConnections(2)
                .withStandby("127.0.0.1:" + server.port()).withDuration(Duration.ofSeconds(30))
                .withMessageLimit(20);

        // when
        LoadResult result = new LoadGenerator(settings, Clock.systemUTC()).run();

        // then every message went to the standby and was accepted
        assertThat(result.accepted()).isEqualTo(20).isEqualTo(server.received().size());
        assertThat(result.connectionFailures()).isPositive();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** OBX-18.1 of the first row that names the equipment. */
    private static String reportingDevice(String message) {
        return Hl7Text.segments(message).stream().filter(s -> s.startsWith("OBX|"))
                .map(Hl7Text::fields)
                .filter(fields -> fields.size() > 18 && !fields.get(18).isEmpty())
                .map(fields -> fields.get(18).split("\\^")[0])
                .findFirst().orElseThrow();
    }
}
