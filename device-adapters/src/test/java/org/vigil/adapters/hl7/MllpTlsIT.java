package org.vigil.adapters.hl7;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.Pcd01Examples;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MLLP over TLS: a gateway speaking TLS is answered; one speaking plain TCP, or without a required certificate, is not. */
class MllpTlsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String GATEWAY_NIBP = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);

    @TempDir
    static Path certificates;
    private static TestCertificate server;
    private static TestCertificate trustedGateway;
    private static TestCertificate stranger;

    private final InMemorySink sink = new InMemorySink();
    private final List<MllpTestClient> clients = new ArrayList<>();
    private Vertx vertx;
    private Hl7Listener listener;

    @BeforeAll
    static void makeCertificates() throws Exception {
        server = TestCertificate.generate(certificates, "vigil");
        trustedGateway = TestCertificate.generate(certificates, "gateway");
        stranger = TestCertificate.generate(certificates, "stranger");
    }

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        for (MllpTestClient client : clients) {
            client.close();
        }
        if (listener != null) {
            listener.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void acceptsAMessageOverTls() throws Exception {
        // given
        int port = startListener(MllpTls.serverOnly(server.keyCertOptions()));
        MllpTestClient gateway = client(new MllpTestClient(TestCertificate.connectWithoutCertificate(server, port)));

        // when
        gateway.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(gateway.acks()).singleElement()
                .satisfies(ack -> assertThat(ack).contains("\rMSA|AA|0104ef190d604db188c3\r")));
        assertThat(sink.stored()).hasSize(1);
    }

    @Test
    void storesNothingFromAPlainTcpClientOnTheTlsPort() throws Exception {
        // given
        int port = startListener(MllpTls.serverOnly(server.keyCertOptions()));
        MllpTestClient plain = client(new MllpTestClient(port));

        // when
        plain.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(plain::closedByPeer);
        assertThat(plain.acks()).isEmpty();
        assertThat(sink.received()).isEmpty();
        assertThat(listener.counters().framesReceived()).isZero();
    }

    @Test
    void refusesAGatewayWithoutACertificateWhenOneIsRequired() throws Exception {
        // given
        int port = startListener(MllpTls.clientCertificateRequired(server.keyCertOptions(), trustedGateway.asTrust()));
        MllpTestClient anonymous = client(new MllpTestClient(TestCertificate.connectWithoutCertificate(server, port)));

        // when
        anonymous.sendUnlessRefused(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(anonymous::closedByPeer);
        assertThat(anonymous.acks()).isEmpty();
        assertThat(sink.received()).isEmpty();
        assertThat(listener.counters().connectionsAccepted()).isZero();
    }

    @Test
    void refusesAGatewayWhoseCertificateIsNotTrusted() throws Exception {
        // given
        int port = startListener(MllpTls.clientCertificateRequired(server.keyCertOptions(), trustedGateway.asTrust()));
        MllpTestClient impostor = client(new MllpTestClient(stranger.connectTrusting(server, port)));

        // when
        impostor.sendUnlessRefused(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).until(impostor::closedByPeer);
        assertThat(impostor.acks()).isEmpty();
        assertThat(sink.received()).isEmpty();
    }

    @Test
    void acceptsAGatewayWithATrustedCertificate() throws Exception {
        // given
        int port = startListener(MllpTls.clientCertificateRequired(server.keyCertOptions(), trustedGateway.asTrust()));
        MllpTestClient gateway = client(new MllpTestClient(trustedGateway.connectTrusting(server, port)));

        // when
        gateway.send(Mllp.wrap(GATEWAY_NIBP));

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(gateway.acks()).singleElement()
                .satisfies(ack -> assertThat(ack).contains("\rMSA|AA|0104ef190d604db188c3\r")));
        assertThat(sink.stored()).hasSize(1);
    }

    private MllpTestClient client(MllpTestClient client) {
        clients.add(client);
        return client;
    }

    private int startListener(MllpTls tls) throws Exception {
        listener = new Hl7Listener(vertx, Hl7ListenerSettings.of("127.0.0.1", 0), MllpConnectionLimits.defaults(),
                Optional.of(tls), sink, Clock.systemUTC());
        return listener.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
