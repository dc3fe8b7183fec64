package org.vigil.query;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import org.vigil.adapters.hl7.MllpTestClient;
import org.vigil.adapters.hl7.wire.Pcd01Examples;
import org.vigil.adapters.hl7.wire.Mllp;

/** A gateway's messages, one connection each, as a test sends them: the public NIST PCD-01 example, and its answer. */
public final class GatewayMessages {

    /** The device the NIST example reports (OBX-18). */
    public static final String NIST_DEVICE = "080019FFFE3ED02D172.16.172.135";
    /** The sender of the NIST example (MSH-3 and MSH-4), the first half of its message key. */
    public static final String NIST_SENDER = "ACME_Gateway^080019FFFE3ED02D^EUI-64|ACME Healthcare";
    public static final String NIST_CONTROL_ID = "0104ef190d604db188c3";

    private static final String NIST = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);

    private GatewayMessages() {
    }

    /** The NIST example as it is. */
    public static String nist() {
        return NIST;
    }

    /** The NIST example under another control id (MSH-10). */
    public static String nist(String controlId) {
        return NIST.replace(NIST_CONTROL_ID, controlId);
    }

    /** Sends one message on a new connection and returns its acknowledgement, waiting at most {@code wait}. */
    public static String send(int mllpPort, String message, Duration wait) {
        return send(mllpPort, InetAddress.getLoopbackAddress(), message, wait);
    }

    /** As {@link #send(int, String, Duration)}, from the given local address (for example 127.0.0.2). */
    public static String send(int mllpPort, InetAddress from, String message, Duration wait) {
        try (MllpTestClient gateway = new MllpTestClient(mllpPort, from)) {
            gateway.send(Mllp.wrap(message));
            await().atMost(wait).pollInterval(Duration.ofMillis(20)).until(() -> gateway.acks().size() == 1);
            return gateway.acks().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
