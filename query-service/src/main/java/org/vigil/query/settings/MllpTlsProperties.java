package org.vigil.query.settings;

import io.vertx.core.http.ClientAuth;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MLLP over TLS on the listener HL7 gateways connect to ({@code vigil.mllp.tls.*}; docs/DESIGN.md, external
 * interface). The certificate and key, and the certificates gateways' own must chain to, come from a Spring Boot
 * SSL bundle ({@code spring.ssl.bundle.pem.<name>} or {@code spring.ssl.bundle.jks.<name>}).
 *
 * @param enabled    when true the listener speaks TLS only; a plain-TCP gateway is refused
 * @param bundle     the SSL bundle's name: its key store holds the listener's key and certificate, its trust
 *                   store the certificates (or certificate authorities) gateways are checked against
 * @param clientAuth {@code none}, {@code request} (a certificate shown is checked) or {@code required} (a gateway
 *                   without a trusted certificate is refused)
 */
public record MllpTlsProperties(@DefaultValue("false") boolean enabled, @DefaultValue("mllp") String bundle,
                                @DefaultValue("none") ClientAuth clientAuth) {
}
