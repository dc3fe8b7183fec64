package org.vigil.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;

/**
 * Vigil over HTTPS from a Spring Boot SSL bundle, with a self-signed certificate the test makes with keytool:
 * the browser is told to keep to HTTPS (HSTS), the session and CSRF cookies are Secure, HttpOnly where a script
 * need not read them, and never sent from another site; plain HTTP on the port is refused.
 */
class HttpsIT {

    private static final String PASSWORD = "test-keystore";

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithHstsAndSecureSameSiteCookies() throws Exception {
        // given
        Path keystore = selfSigned(dir.resolve("vigil.p12"));
        try (RunningVigil vigil = RunningVigil.startWith(dir.resolve("data"), List.of(
                "--server.ssl.bundle=web",
                "--spring.ssl.bundle.jks.web.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.web.keystore.password=" + PASSWORD,
                "--spring.ssl.bundle.jks.web.keystore.type=PKCS12"))) {
            URI base = URI.create("https://127.0.0.1:" + vigil.httpPort());
            HttpClient browser = HttpClient.newBuilder().sslContext(trusting(keystore))
                    .cookieHandler(new CookieManager()).build();

            // when
            HttpResponse<String> form = browser.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nurse&password=demo&_csrf=" + token.group(1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> chairs = browser.send(HttpRequest.newBuilder(base.resolve("/api/chairs"))
                    .header("Authorization", RunningVigil.basic("nurse")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + vigil.httpPort() + "/api/chairs"))
                    .header("Authorization", RunningVigil.basic("nurse")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.headers().firstValue("Strict-Transport-Security"))
                    .hasValue("max-age=31536000 ; includeSubDomains");
            assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("XSRF-TOKEN=").contains("Secure", "SameSite=Strict"));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Strict"));
            assertThat(chairs.statusCode()).isEqualTo(200);
            assertThat(plain.statusCode()).as("plain HTTP on the HTTPS port").isEqualTo(400);
            assertThat(plain.body()).doesNotContain("chair-1");
        }
    }

    /** A PKCS#12 keystore with a self-signed certificate for 127.0.0.1, made with the JDK's keytool. */
    private static Path selfSigned(Path keystore) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "vigil",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(keystore.resolveSibling("keytool.log").toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool (pid %s) finished", process.pid()).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("keytool's exit: %s",
                Files.readString(keystore.resolveSibling("keytool.log"))).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
