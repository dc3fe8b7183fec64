package org.vigil.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.Pcd01Examples;
import org.vigil.adapters.ingest.FenceVerdict;
import org.vigil.adapters.ingest.QuarantinedMessage;
import org.vigil.adapters.ingest.SenderFence;
import org.vigil.core.api.DeviceReport;

/**
 * The listener's sender fence on real sockets: what the fence keeps out never reaches the sink, goes to quarantine
 * with who and where but not what, and is answered as the fence says; a quarantine that cannot be stored is {@code AE}.
 */
class Hl7ListenerFenceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2024-03-05T15:15:02Z");
    private static final String GATEWAY_NIBP = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);
    private static final String NIST_DEVICE = "080019FFFE3ED02D172.16.172.135";

    private final InMemorySink sink = new InMemorySink();
    private final List<QuarantinedMessage> quarantined = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private Hl7Listener listener;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (listener != null) {
            listener.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMessageFromAnAddressTheFenceRefusesNeverReachesTheSink() throws Exception {
        // given: the monitor may talk from 127.0.0.2 only
        int port = startListener(new OnlyFrom("127.0.0.2", false));

        // when: its id arrives from 127.0.0.1, then from 127.0.0.2
        try (MllpTestClient spoofer = new MllpTestClient(port, InetAddress.getByName("127.0.0.1"));
             MllpTestClient gateway = new MllpTestClient(port, InetAddress.getByName("127.0.0.2"))) {
            spoofer.send(Mllp.wrap(GATEWAY_NIBP));
            await().atMost(PATIENCE).until(() -> spoofer.acks().size() == 1);
            gateway.send(Mllp.wrap(GATEWAY_NIBP));
            await().atMost(PATIENCE).until(() -> gateway.acks().size() == 1);

            // then
            assertThat(spoofer.acks().get(0)).contains("MSA|AR|0104ef190d604db188c3", "204^Unknown key identifier",
                    "not from this address");
            assertThat(gateway.acks().get(0)).contains("MSA|AA|0104ef190d604db188c3");
        }
        assertThat(sink.received()).singleElement()
                .satisfies(report -> assertThat(report.deviceId().value()).isEqualTo(NIST_DEVICE));
        assertThat(quarantined).singleElement().satisfies(message -> {
            assertThat(message.deviceId()).isEqualTo(NIST_DEVICE);
            assertThat(message.sourceAddress()).isEqualTo("127.0.0.1");
            assertThat(message.sender()).isEqualTo("ACME_Gateway^080019FFFE3ED02D^EUI-64|ACME Healthcare");
            assertThat(message.refused()).isTrue();
        });
        assertThat(listener.counters().quarantinedMessages()).isEqualTo(1);
    }

    @Test
    void aQuarantinedMessageIsAcknowledgedWhenTheFenceSaysSo() throws Exception {
        // given
        int port = startListener(new OnlyFrom("127.0.0.2", true));

        // when
        try (MllpTestClient stranger = new MllpTestClient(port)) {
            stranger.send(Mllp.wrap(GATEWAY_NIBP));
            await().atMost(PATIENCE).until(() -> stranger.acks().size() == 1);

            // then
            assertThat(stranger.acks().get(0)).contains("MSA|AA|0104ef190d604db188c3").doesNotContain("ERR|");
        }
        assertThat(sink.received()).isEmpty();
        assertThat(quarantined).singleElement().satisfies(message -> assertThat(message.refused()).isFalse());
    }

    @Test
    void aQuarantineThatCannotBeStoredIsAnsweredAe() throws Exception {
        // given
        int port = startListener(new OnlyFrom("127.0.0.2", true) {
            @Override
            public CompletionStage<Void> quarantine(QuarantinedMessage message) {
                return CompletableFuture.failedFuture(new IllegalStateException("the store is down"));
            }
        });

        // when
        try (MllpTestClient stranger = new MllpTestClient(port)) {
            stranger.send(Mllp.wrap(GATEWAY_NIBP));
            await().atMost(PATIENCE).until(() -> stranger.acks().size() == 1);

            // then
            assertThat(stranger.acks().get(0)).contains("MSA|AE|", "the store is down");
        }
        assertThat(sink.received()).isEmpty();
    }

    private int startListener(SenderFence fence) throws Exception {
        listener = new Hl7Listener(vertx, Hl7ListenerSettings.of("127.0.0.1", 0), sink, fence,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return listener.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Admits messages from one address; the rest are quarantined and acknowledged, or refused. */
    private class OnlyFrom implements SenderFence {

        private final String address;
        private final boolean acknowledge;

        OnlyFrom(String address, boolean acknowledge) {
            this.address = address;
            this.acknowledge = acknowledge;
        }

        @Override
        public FenceVerdict check(DeviceReport report, String sourceAddress) {
            if (address.equals(sourceAddress)) {
                return FenceVerdict.admit();
            }
            return acknowledge ? FenceVerdict.quarantine("not from this address")
                    : FenceVerdict.refuse("not from this address");
        }

        @Override
        public CompletionStage<Void> quarantine(QuarantinedMessage message) {
            quarantined.add(message);
            return CompletableFuture.completedFuture(null);
        }
    }
}
