package org.vigil.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server that must know its port before it binds it: a forked node, a device the
 * configuration names in advance. It is drawn below the kernel's ephemeral range (32768 and up on Linux), where
 * servers started on port 0 get theirs: the integration tests run in two JVMs at once, and a port chosen from that
 * range could be handed to another test's server between the choice and the bind, so that the test would talk to
 * the wrong application.
 */
public final class ReservedPorts {

    private static final int LOWEST = 20_000;
    private static final int ABOVE_HIGHEST = 32_000;

    private ReservedPorts() {
    }

    /** A port in 20000–31999 that nothing listens on now. */
    public static int free() {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free loopback port in " + LOWEST + "–" + (ABOVE_HIGHEST - 1), last);
    }
}
