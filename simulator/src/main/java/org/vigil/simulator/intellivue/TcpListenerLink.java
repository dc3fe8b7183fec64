package org.vigil.simulator.intellivue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link MonitorPort} on a TCP port the way a serial-to-Ethernet terminal server presents a serial line:
 * one client at a time, and a client that connects takes the line over from the one before, whose socket is
 * closed (a terminal server whose previous session went stale does the same). The monitor itself is not reset by
 * a new client: its association ends by its own rules, just as a real monitor cannot see TCP connections. Reads
 * time out every few milliseconds so the monitor's clock ticks and a stop is noticed promptly.
 */
final class TcpListenerLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpListenerLink.class);
    private static final int READ_TIMEOUT_MILLIS = 20;
    private static final int BUFFER_BYTES = 4096;

    private final String name;
    private final MonitorPort port;
    private final CountDownLatch stop;
    private final ThreadFactory threads;
    private final ServerSocket server;
    private Socket client;
    private Thread clientThread;

    /** Binds now, so that a port in use fails the start and a port 0 is known at once. */
    TcpListenerLink(String name, InetSocketAddress address, MonitorPort port, CountDownLatch stop,
                    ThreadFactory threads) throws IOException {
        this.name = name;
        this.port = port;
        this.stop = stop;
        this.threads = threads;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(address);
        } catch (IOException failure) {
            server.close();
            throw failure;
        }
    }

    int localPort() {
        return server.getLocalPort();
    }

    /** Accepts clients until closed; runs on its own thread. */
    void acceptLoop() {
        LOG.info("{}: serving IntelliVue on tcp port {}", name, localPort());
        while (stop.getCount() > 0) {
            Socket accepted;
            try {
                accepted = server.accept();
            } catch (IOException closed) {
                return;
            }
            takeOver(accepted);
        }
    }

    private synchronized void takeOver(Socket accepted) {
        if (stop.getCount() == 0) {
            closeQuietly(accepted);
            return;
        }
        if (client != null) {
            LOG.info("{}: client {} replaces {}", name, accepted.getRemoteSocketAddress(),
                    client.getRemoteSocketAddress());
            closeQuietly(client);
        } else {
            LOG.info("{}: client {} connected", name, accepted.getRemoteSocketAddress());
        }
        client = accepted;
        clientThread = threads.newThread(() -> serve(accepted));
        clientThread.start();
    }

    private void serve(Socket socket) {
        port.linkOpened();
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[BUFFER_BYTES];
            while (stop.getCount() > 0) {
                int count;
                try {
                    count = in.read(buffer);
                } catch (SocketTimeoutException quiet) {
                    count = 0;
                }
                if (count < 0) {
                    LOG.info("{}: client {} closed the connection", name, socket.getRemoteSocketAddress());
                    return;
                }
                if (count > 0) {
                    port.send(port.receive(buffer, count), out);
                }
                port.send(port.tick(), out);
            }
        } catch (IOException lost) {
            LOG.info("{}: client connection ended ({})", name, lost.getMessage());
        } finally {
            port.linkClosed();
        }
    }

    /** Closes the listening socket and the client's; the threads end on their own. */
    @Override
    public synchronized void close() {
        closeQuietly(server);
        if (client != null) {
            closeQuietly(client);
        }
    }

    synchronized Thread clientThread() {
        return clientThread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is asked; a failure to close leaves nothing to do
        }
    }
}
