package org.vigil.adapters.hl7;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.TrustOptions;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate and its key, made for one test by the JDK's {@code keytool} in a PKCS#12 file: the
 * MLLP listener's, or a gateway's. Valid for 127.0.0.1 and localhost, for two days.
 */
public final class TestCertificate {

    public static final String PASSWORD = "test-only";

    private final Path keyStore;
    private final KeyStore loaded;

    private TestCertificate(Path keyStore) throws IOException, GeneralSecurityException {
        this.keyStore = keyStore;
        this.loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            loaded.load(in, PASSWORD.toCharArray());
        }
    }

    /** Runs keytool to make a key pair and a certificate for {@code commonName} in {@code directory}. */
    public static TestCertificate generate(Path directory, String commonName) throws Exception {
        Path file = directory.resolve(commonName + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "key",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + commonName, "-validity", "2",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("keytool did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed (" + process.exitValue() + "): " + output);
            }
        } finally {
            process.destroy();
        }
        return new TestCertificate(file);
    }

    /** The PKCS#12 file holding the key and certificate, protected by {@link #PASSWORD}. */
    public Path keyStoreFile() {
        return keyStore;
    }

    /** The key and certificate, as the listener takes them. */
    public KeyCertOptions keyCertOptions() {
        return new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD);
    }

    /** This certificate as the only one trusted, as the listener takes it to check gateways. */
    public TrustOptions asTrust() throws GeneralSecurityException, IOException {
        return TrustOptions.wrap(trustManagers());
    }

    /** A TLS client socket to the port on loopback that trusts {@code server}, showing this certificate. */
    public SSLSocket connectTrusting(TestCertificate server, int port) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(loaded, PASSWORD.toCharArray());
        return connect(keys, server, port);
    }

    /** A TLS client socket to the port on loopback that trusts {@code server} and shows no certificate. */
    public static SSLSocket connectWithoutCertificate(TestCertificate server, int port) throws Exception {
        return connect(null, server, port);
    }

    private static SSLSocket connect(KeyManagerFactory keys, TestCertificate server, int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), server.trustManagers().getTrustManagers(), null);
        return (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
    }

    private TrustManagerFactory trustManagers() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        Certificate certificate = loaded.getCertificate("key");
        trusted.setCertificateEntry("trusted", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory;
    }
}
