package org.vigil.adapters.hl7;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.TrustOptions;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * MLLP over TLS for the {@link Hl7Listener}: the listener's certificate and key, and whether gateways must show a
 * certificate of their own (docs/DESIGN.md, external interface). A plain-TCP client on a TLS port fails the
 * handshake and is closed before any byte of it is read as HL7.
 *
 * @param keyCert      the listener's private key and certificate chain
 * @param clientTrust  the certificates (or certificate authorities) a gateway's certificate must chain to; required
 *                     unless {@code clientAuth} is {@link ClientAuth#NONE}
 * @param clientAuth   {@link ClientAuth#REQUIRED}: a gateway without a trusted certificate is refused;
 *                     {@link ClientAuth#REQUEST}: a certificate is checked when one is shown;
 *                     {@link ClientAuth#NONE}: gateways are not asked for one
 */
public record MllpTls(KeyCertOptions keyCert, TrustOptions clientTrust, ClientAuth clientAuth) {

    /** How long a client has to complete the TLS handshake before it is closed. */
    public static final long HANDSHAKE_TIMEOUT_SECONDS = 10;

    public MllpTls {
        Objects.requireNonNull(keyCert, "keyCert");
        Objects.requireNonNull(clientAuth, "clientAuth");
        if (clientAuth != ClientAuth.NONE && clientTrust == null) {
            throw new IllegalArgumentException("client certificates are " + clientAuth
                    + " but no trusted certificates are configured to check them against");
        }
    }

    /** TLS with the listener's certificate only; gateways are not asked for one. */
    public static MllpTls serverOnly(KeyCertOptions keyCert) {
        return new MllpTls(keyCert, null, ClientAuth.NONE);
    }

    /** TLS where every gateway must present a certificate that chains to {@code clientTrust}. */
    public static MllpTls clientCertificateRequired(KeyCertOptions keyCert, TrustOptions clientTrust) {
        return new MllpTls(keyCert, clientTrust, ClientAuth.REQUIRED);
    }

    /** Turns TLS on in the server's options. */
    void applyTo(NetServerOptions options) {
        options.setSsl(true)
                .setKeyCertOptions(keyCert)
                .setClientAuth(clientAuth)
                .setSslHandshakeTimeout(HANDSHAKE_TIMEOUT_SECONDS)
                .setSslHandshakeTimeoutUnit(TimeUnit.SECONDS);
        if (clientTrust != null) {
            options.setTrustOptions(clientTrust);
        }
    }
}
