package org.vigil.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.testsupport.TinyMllpServer;
import org.vigil.simulator.testsupport.TinyMllpServer.Reply;

class MllpClientIT {

    private static final MllpClientSettings FAST = MllpClientSettings.defaults()
            .withAckTimeout(Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private TinyMllpServer server;
    private MllpClient client;

    @AfterEach
    void tearDown() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        sender.shutdownNow();
    }

    @Test
    void countsAcceptedErroredAndRejectedMessagesAndKeepsTheReason() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> switch (index) {
            case 0 -> Reply.ack("AA");
            case 1 -> Reply.nak("AE", "event store unavailable");
            default -> Reply.nak("AR", "unknown device");
        });
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(), FAST);

        // when
        List<DeliveryOutcome> outcomes = List.of(
                client.send("ctl-1", message("ctl-1")),
                client.send("ctl-2", message("ctl-2")),
                client.send("ctl-3", message("ctl-3")));

        // then
        assertThat(outcomes).containsExactly(DeliveryOutcome.ACCEPTED, DeliveryOutcome.ERROR, DeliveryOutcome.REJECTED);
        DeliveryStatistics statistics = client.statistics();
        assertThat(statistics.sent()).isEqualTo(3);
        assertThat(statistics.accepted()).isEqualTo(1);
        assertThat(statistics.errors()).isEqualTo(1);
        assertThat(statistics.rejections()).isEqualTo(1);
        assertThat(statistics.timeouts()).isZero();
        assertThat(statistics.lastNakReason()).contains("AR: Application internal error; unknown device");
        assertThat(server.controlIds()).containsExactly("ctl-1", "ctl-2", "ctl-3");
    }

    @Test
    void waitsForEachAcknowledgementBeforeSendingTheNextMessage() throws Exception {
        // given
        CountDownLatch releaseFirstAck = new CountDownLatch(1);
        server = TinyMllpServer.start((message, index) -> {
            if (index == 0) {
                releaseFirstAck.await();
            }
            return Reply.ack("AA");
        });
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(), FAST);

        // when
        CompletableFuture<List<DeliveryOutcome>> sending = sendInBackground("ctl-1", "ctl-2");

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> server.received().size() == 1);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> server.received().size() == 1);
        releaseFirstAck.countDown();
        await().atMost(Duration.ofSeconds(5)).until(sending::isDone);
        assertThat(sending.join()).containsExactly(DeliveryOutcome.ACCEPTED, DeliveryOutcome.ACCEPTED);
        assertThat(server.controlIds()).containsExactly("ctl-1", "ctl-2");
    }

    @Test
    void resendsTheUnacknowledgedMessageWithTheSameControlIdAfterTheServerDropsTheConnection() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> index == 0 ? Reply.dropConnection() : Reply.ack("AA"));
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(), FAST);

        // when
        DeliveryOutcome outcome = client.send("ctl-1", message("ctl-1"));

        // then
        assertThat(outcome).isEqualTo(DeliveryOutcome.ACCEPTED);
        assertThat(server.controlIds()).containsExactly("ctl-1", "ctl-1");
        assertThat(server.received().get(1)).isEqualTo(server.received().get(0));
        assertThat(server.connections()).isEqualTo(2);
        DeliveryStatistics statistics = client.statistics();
        assertThat(statistics.sent()).isEqualTo(1);
        assertThat(statistics.resent()).isEqualTo(1);
        assertThat(statistics.reconnects()).isEqualTo(1);
        assertThat(statistics.accepted()).isEqualTo(1);
    }

    @Test
    void reconnectsWhenTheServerComesBackAndResendsWhatWasInFlight() throws Exception {
        // given
        CountDownLatch firstReceived = new CountDownLatch(1);
        server = TinyMllpServer.start((message, index) -> {
            firstReceived.countDown();
            return Reply.silence();
        });
        int port = server.port();
        client = new MllpClient("sim-monitor-01", "127.0.0.1", port, FAST);
        CompletableFuture<List<DeliveryOutcome>> sending = sendInBackground("ctl-1");
        firstReceived.await();

        // when
        server.close();
        server = TinyMllpServer.startOn(port, (message, index) -> Reply.ack("AA"));

        // then
        await().atMost(Duration.ofSeconds(5)).until(sending::isDone);
        assertThat(sending.join()).containsExactly(DeliveryOutcome.ACCEPTED);
        assertThat(server.controlIds()).containsExactly("ctl-1");
        assertThat(client.statistics().resent()).isEqualTo(1);
        assertThat(client.statistics().reconnects()).isEqualTo(1);
    }

    @Test
    void backsOffExponentiallyWhileTheServerKeepsDroppingTheConnection() throws Exception {
        // given: the first four connections are dropped as soon as the message arrives
        server = TinyMllpServer.start((message, index) -> index < 4 ? Reply.dropConnection() : Reply.ack("AA"));
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(),
                FAST.withBackoff(Duration.ofMillis(40), Duration.ofMillis(100)));
        long started = System.nanoTime();

        // when
        DeliveryOutcome outcome = client.send("ctl-4", message("ctl-4"));

        // then: waits of 40, 80, 100 and 100 ms (doubling, bounded) before the four reconnects
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(outcome).isEqualTo(DeliveryOutcome.ACCEPTED);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(320)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.controlIds()).containsExactly("ctl-4", "ctl-4", "ctl-4", "ctl-4", "ctl-4");
        assertThat(server.connections()).isEqualTo(5);
        assertThat(client.statistics().resent()).isEqualTo(4);
        assertThat(client.statistics().reconnects()).isEqualTo(4);
    }

    @Test
    void countsATimeoutAndResendsWhenNoAcknowledgementComes() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> index == 0 ? Reply.silence() : Reply.ack("AA"));
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(),
                FAST.withAckTimeout(Duration.ofMillis(1500)));

        // when
        DeliveryOutcome outcome = client.send("ctl-7", message("ctl-7"));

        // then
        assertThat(outcome).isEqualTo(DeliveryOutcome.ACCEPTED);
        assertThat(server.controlIds()).containsExactly("ctl-7", "ctl-7");
        assertThat(client.statistics().timeouts()).isEqualTo(1);
        assertThat(client.statistics().accepted()).isEqualTo(1);
    }

    @Test
    void givesAMessageUpAfterEveryAttemptTimedOut() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> Reply.silence());
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(),
                FAST.withAckTimeout(Duration.ofMillis(200)).withAttemptsPerMessage(2));

        // when
        DeliveryOutcome outcome = client.send("ctl-8", message("ctl-8"));

        // then
        assertThat(outcome).isEqualTo(DeliveryOutcome.TIMED_OUT);
        assertThat(client.statistics().timeouts()).isEqualTo(2);
        // the server reads on its own thread: the second attempt may be written but not yet read
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(server.controlIds()).containsExactly("ctl-8", "ctl-8"));
    }

    @Test
    void ignoresAnAcknowledgementForAnotherMessage() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> Reply.ack("AA"));
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(),
                FAST.withAckTimeout(Duration.ofMillis(300)).withAttemptsPerMessage(1));

        // when: the message claims one control id and the client waits for another
        DeliveryOutcome outcome = client.send("ctl-expected", message("ctl-other"));

        // then
        assertThat(outcome).isEqualTo(DeliveryOutcome.TIMED_OUT);
        assertThat(client.statistics().accepted()).isZero();
    }

    @Test
    void closingMakesABlockedSendReturnPromptly() throws Exception {
        // given
        server = TinyMllpServer.start((message, index) -> Reply.silence());
        client = new MllpClient("sim-monitor-01", "127.0.0.1", server.port(),
                FAST.withAckTimeout(Duration.ofSeconds(60)));
        CompletableFuture<List<DeliveryOutcome>> sending = sendInBackground("ctl-9");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.received().size() == 1);

        // when
        client.close();

        // then
        await().atMost(Duration.ofSeconds(1)).until(sending::isDone);
        assertThat(sending.join()).containsExactly(DeliveryOutcome.STOPPED);
    }

    @Test
    void stopsRetryingAnUnreachableReceiverWhenClosed() throws Exception {
        // given
        TinyMllpServer gone = TinyMllpServer.acceptingEverything();
        int port = gone.port();
        gone.close();
        client = new MllpClient("sim-monitor-01", "127.0.0.1", port, FAST);
        CompletableFuture<List<DeliveryOutcome>> sending = sendInBackground("ctl-10");

        // when
        client.close();

        // then
        await().atMost(Duration.ofSeconds(1)).until(sending::isDone);
        assertThat(sending.join()).containsExactly(DeliveryOutcome.STOPPED);
        assertThat(client.statistics().sent()).isZero();
    }

    private CompletableFuture<List<DeliveryOutcome>> sendInBackground(String... controlIds) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<DeliveryOutcome> outcomes = new ArrayList<>();
                for (String controlId : controlIds) {
                    outcomes.add(client.send(controlId, message(controlId)));
                }
                return outcomes;
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        }, sender);
    }

    private static String message(String controlId) {
        return "MSH|^~\\&|VIGIL_SIM^025649FFFE000001^EUI-64|VIGIL|||20240301093015+0000||ORU^R01^ORU_R01|"
                + controlId + "|P|2.6\rPID|||PSN-1^^^VIGIL_SIM^PI\r";
    }
}
