package org.vigil.query.ingest;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.util.Optional;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.vigil.adapters.hl7.MllpTls;
import org.vigil.query.settings.MllpTlsProperties;

/** The MLLP listener's TLS from {@code vigil.mllp.tls.*} and the Spring Boot SSL bundle it names. */
final class MllpTlsFromBundle {

    private MllpTlsFromBundle() {
    }

    /** Nothing when TLS is off; fails with the reason when the bundle is missing or cannot check gateways. */
    static Optional<MllpTls> of(MllpTlsProperties tls, SslBundles bundles) {
        if (!tls.enabled()) {
            return Optional.empty();
        }
        SslBundle bundle = bundles.getBundle(tls.bundle());
        if (bundle.getStores().getKeyStore() == null) {
            throw new IllegalStateException("vigil.mllp.tls: the SSL bundle '" + tls.bundle()
                    + "' has no key store holding the listener's certificate and key");
        }
        KeyCertOptions keyCert = KeyCertOptions.wrap(bundle.getManagers().getKeyManagerFactory());
        if (tls.clientAuth() == ClientAuth.NONE) {
            return Optional.of(MllpTls.serverOnly(keyCert));
        }
        if (bundle.getStores().getTrustStore() == null) {
            throw new IllegalStateException("vigil.mllp.tls.client-auth is " + tls.clientAuth()
                    + " but the SSL bundle '" + tls.bundle() + "' has no trust store to check gateways against");
        }
        TrustOptions trust = TrustOptions.wrap(bundle.getManagers().getTrustManagerFactory());
        return Optional.of(new MllpTls(keyCert, trust, tls.clientAuth()));
    }
}
