package org.vigil.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.vigil.adapters.hl7.Hl7Listener;
import org.vigil.adapters.hl7.Hl7ListenerSettings;
import org.vigil.adapters.hl7.MllpConnectionLimits;
import org.vigil.adapters.hl7.MllpTestClient;
import org.vigil.adapters.hl7.MllpTls;
import org.vigil.adapters.hl7.TestCertificate;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.Pcd01Examples;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.core.api.DeviceReport;
import org.vigil.query.settings.MllpTlsProperties;

/** {@code vigil.mllp.tls.*} with a Spring Boot SSL bundle, on a real listener and real TLS sockets. */
class MllpTlsFromBundleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    static Path certificates;
    private static TestCertificate vigil;
    private static TestCertificate gateway;

    private final List<DeviceReport> stored = new CopyOnWriteArrayList<>();
    private final Vertx vertx = Vertx.vertx();
    private Hl7Listener listener;

    @BeforeAll
    static void makeCertificates() throws Exception {
        vigil = TestCertificate.generate(certificates, "vigil");
        gateway = TestCertificate.generate(certificates, "gateway");
    }

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void acceptsAGatewayWithTheBundlesTrustedCertificateAndRefusesOneWithout() throws Exception {
        // given
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("mllp", bundle(vigil, gateway));
        int port = start(MllpTlsFromBundle.of(new MllpTlsProperties(true, "mllp", ClientAuth.REQUIRED), bundles));

        // when
        try (MllpTestClient trusted = new MllpTestClient(gateway.connectTrusting(vigil, port));
             MllpTestClient anonymous = new MllpTestClient(TestCertificate.connectWithoutCertificate(vigil, port))) {
            trusted.send(Mllp.wrap(Pcd01Examples.load(Pcd01Examples.GE_B40_MONITOR)));
            anonymous.sendUnlessRefused(Mllp.wrap(Pcd01Examples.load(Pcd01Examples.GE_B40_MONITOR)));

            // then
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(trusted.acks()).singleElement()
                    .satisfies(ack -> assertThat(ack).contains("\rMSA|AA|004097134535\r")));
            await().atMost(PATIENCE).until(anonymous::closedByPeer);
            assertThat(anonymous.acks()).isEmpty();
            assertThat(stored).hasSize(1);
        }
    }

    @Test
    void speaksPlainTcpWhenTlsIsOff() {
        // when
        Optional<MllpTls> tls = MllpTlsFromBundle.of(new MllpTlsProperties(false, "mllp", ClientAuth.NONE),
                new DefaultSslBundleRegistry());

        // then
        assertThat(tls).isEmpty();
    }

    @Test
    void refusesToStartWhenClientCertificatesAreRequiredButTheBundleHasNoTrustStore() {
        // given
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("mllp", bundle(vigil, null));

        // then
        assertThatThrownBy(() -> MllpTlsFromBundle.of(new MllpTlsProperties(true, "mllp", ClientAuth.REQUIRED),
                bundles)).hasMessage("vigil.mllp.tls.client-auth is REQUIRED but the SSL bundle 'mllp' has no trust "
                + "store to check gateways against");
    }

    private static SslBundle bundle(TestCertificate key, TestCertificate trusted) {
        return SslBundle.of(new JksSslStoreBundle(details(key), trusted == null ? null : details(trusted)));
    }

    private static JksSslStoreDetails details(TestCertificate certificate) {
        return new JksSslStoreDetails("PKCS12", null, certificate.keyStoreFile().toUri().toString(),
                TestCertificate.PASSWORD);
    }

    private int start(Optional<MllpTls> tls) throws Exception {
        listener = new Hl7Listener(vertx, Hl7ListenerSettings.of("127.0.0.1", 0), MllpConnectionLimits.defaults(),
                tls, report -> {
                    stored.add(report);
                    return CompletableFuture.completedFuture(RecordOutcome.RECORDED);
                }, Clock.systemUTC());
        return listener.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
