package org.vigil.adapters.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A device whose HL7 output is served on a TCP port, as a terminal server presents a serial line or as a device
 * with an Ethernet port of its own listens: one client at a time, writes MLLP frames to it and reads the
 * acknowledgements back. {@link #close()} takes the port away as a powered-off terminal server would.
 */
final class ListeningHl7Device implements AutoCloseable {

    private final ServerSocket server;
    private final DeviceAcks acks = new DeviceAcks();
    private volatile Socket client;
    private volatile int accepted;

    private ListeningHl7Device(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptLoop, "hl7-device-on-tcp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on the loopback interface; port 0 picks a free one. */
    static ListeningHl7Device on(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new ListeningHl7Device(server);
    }

    int port() {
        return server.getLocalPort();
    }

    boolean hasClient() {
        return client != null;
    }

    /** How many clients connected so far. */
    int accepted() {
        return accepted;
    }

    synchronized void send(byte[] bytes) {
        Socket current = client;
        if (current == null) {
            throw new IllegalStateException("no client on port " + port());
        }
        try {
            OutputStream out = current.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DeviceAcks acks() {
        return acks;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket current = client;
        if (current != null) {
            current.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                acks.restart();
                client = socket;
                accepted++;
                read(socket);
            } catch (IOException closed) {
                client = null;
            }
        }
    }

    private void read(Socket socket) throws IOException {
        try (socket) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                acks.feed(buffer, count);
            }
        } finally {
            client = null;
        }
    }
}
