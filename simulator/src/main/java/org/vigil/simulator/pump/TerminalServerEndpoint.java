package org.vigil.simulator.pump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pump behind a serial-to-Ethernet terminal server: a TCP port that passes the serial bytes through
 * (docs/PROTOCOLS.md). One client at a time, as a terminal server's raw port allows; the next one is served when the
 * current one disconnects.
 */
final class TerminalServerEndpoint implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalServerEndpoint.class);
    private static final int TIMEOUT_MILLIS = 100;

    private final ServerSocket server;
    private final ByteLink pump;
    private final CountDownLatch stop;
    private volatile Socket client;
    private volatile long connections;

    /** Binds at once, so that the port is known before {@link #run()}; port 0 picks a free one. */
    TerminalServerEndpoint(String host, int port, ByteLink pump, CountDownLatch stop) throws IOException {
        this.pump = pump;
        this.stop = stop;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        server.setSoTimeout(TIMEOUT_MILLIS);
    }

    int port() {
        return server.getLocalPort();
    }

    long connections() {
        return connections;
    }

    @Override
    public void run() {
        while (stop.getCount() > 0) {
            try (Socket socket = server.accept()) {
                client = socket;
                connections++;
                LOG.info("pump terminal server port {}: connection from {}", port(), socket.getRemoteSocketAddress());
                serve(socket);
            } catch (SocketTimeoutException e) {
                // no client yet; look at the stop signal again
            } catch (IOException e) {
                if (stop.getCount() > 0) {
                    LOG.debug("pump terminal server port {}: {}", port(), e.toString());
                }
            } finally {
                client = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Socket current = client;
            if (current != null) {
                current.close();
            }
        } catch (IOException e) {
            LOG.trace("closing the terminal server port", e);
        }
    }

    private void serve(Socket socket) throws IOException {
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        CommandFramer framer = new CommandFramer();
        byte[] buffer = new byte[512];
        while (stop.getCount() > 0) {
            int count;
            try {
                count = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (count < 0) {
                return;
            }
            for (byte[] reply : pump.receive(framer, buffer, count)) {
                out.write(reply);
            }
            out.flush();
        }
    }
}
