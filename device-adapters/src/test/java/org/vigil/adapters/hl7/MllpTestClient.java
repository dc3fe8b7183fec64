package org.vigil.adapters.hl7;

import org.vigil.adapters.hl7.wire.MllpEvent;
import org.vigil.adapters.hl7.wire.MllpFramer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway's side of an MLLP connection over a plain socket: writes bytes, collects acknowledgements. */
public final class MllpTestClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final List<String> acks = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closedByPeer;

    public MllpTestClient(int port) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Connects from the given local address, for example another loopback address such as 127.0.0.2. */
    public MllpTestClient(int port, InetAddress from) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port, from, 0));
    }

    /** A client on a socket already connected: one from a given address, or a TLS socket. */
    public MllpTestClient(Socket connected) throws IOException {
        socket = connected;
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        reader = new Thread(() -> read(in), "mllp-test-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        MllpFramer framer = new MllpFramer();
        byte[] chunk = new byte[4096];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (MllpEvent event : framer.push(chunk, 0, n)) {
                    if (event instanceof MllpEvent.Frame frame) {
                        acks.add(new String(frame.payload(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException closed) {
            // the socket was closed by the test, or the listener refused it
        }
        closedByPeer = true;
    }

    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the bytes unless the other end has already refused the connection (a failed TLS handshake, a closed
     * socket); returns whether they were written.
     */
    public boolean sendUnlessRefused(byte[] bytes) {
        try {
            send(bytes);
            return true;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }

    /** Writes the bytes in separate TCP writes of {@code size} bytes each. */
    public void sendInPieces(byte[] bytes, int size) {
        for (int offset = 0; offset < bytes.length; offset += size) {
            try {
                out.write(bytes, offset, Math.min(size, bytes.length - offset));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** True once the other end has closed the connection (or it failed). */
    public boolean closedByPeer() {
        return closedByPeer;
    }

    public List<String> acks() {
        return List.copyOf(acks);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
