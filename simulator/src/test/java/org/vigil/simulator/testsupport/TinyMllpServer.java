package org.vigil.simulator.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal MLLP receiver on 127.0.0.1 and a free port, written independently of the simulator's own
 * framing code: it collects every message and answers each as its {@link Responder} decides.
 */
public final class TinyMllpServer implements AutoCloseable {

    /** What the server does with the n-th message it receives (counting from 0, over all connections). */
    @FunctionalInterface
    public interface Responder {
        Reply reply(String message, int index) throws InterruptedException;
    }

    /** An answer: an ACK with a code and reason, dropping the connection, or silence. */
    public record Reply(String code, String reason, boolean drop) {

        public static Reply ack(String code) {
            return new Reply(code, "", false);
        }

        public static Reply nak(String code, String reason) {
            return new Reply(code, reason, false);
        }

        public static Reply dropConnection() {
            return new Reply(null, "", true);
        }

        public static Reply silence() {
            return new Reply(null, "", false);
        }
    }

    private final ServerSocket serverSocket;
    private final Responder responder;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger index = new AtomicInteger();
    private final Thread acceptor;

    private TinyMllpServer(int port, Responder responder) throws IOException {
        this.responder = responder;
        this.serverSocket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "tiny-mllp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TinyMllpServer start(Responder responder) throws IOException {
        return new TinyMllpServer(0, responder);
    }

    /** A server on a given port, e.g. to come back where an earlier one was stopped. */
    public static TinyMllpServer startOn(int port, Responder responder) throws IOException {
        return new TinyMllpServer(port, responder);
    }

    public static TinyMllpServer acceptingEverything() throws IOException {
        return start((message, index) -> Reply.ack("AA"));
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    /** MSH-10 of every message received, in order. */
    public List<String> controlIds() {
        List<String> ids = new ArrayList<>();
        for (String message : received) {
            ids.add(Hl7Text.field(message, "MSH", 10));
        }
        return ids;
    }

    public int connections() {
        return connections.get();
    }

    /**
     * Stops listening and drops every connection. Waits for the accepting thread to end: the JDK defers
     * closing a listening socket until a thread blocked in accept() returns, and a client reconnecting in
     * that window would land in a backlog nobody accepts.
     */
    @Override
    public void close() throws IOException {
        serverSocket.close();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread reader = new Thread(() -> serve(socket), "tiny-mllp-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream frame = null;
            int previous = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == 0x0B) {
                    frame = new ByteArrayOutputStream();
                } else if (frame != null && previous == 0x1C && b == 0x0D) {
                    byte[] bytes = frame.toByteArray();
                    String message = new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                    frame = null;
                    received.add(message);
                    Reply reply = responder.reply(message, index.getAndIncrement());
                    if (reply.drop()) {
                        return;
                    }
                    if (reply.code() != null) {
                        out.write(frameOf(ack(message, reply)));
                        out.flush();
                    }
                } else if (frame != null) {
                    frame.write(b);
                }
                previous = b;
            }
        } catch (IOException | InterruptedException e) {
            // the connection ends with the test
        }
    }

    private static String ack(String message, Reply reply) {
        String controlId = Hl7Text.field(message, "MSH", 10);
        StringBuilder ack = new StringBuilder()
                .append("MSH|^~\\&|VIGIL|VIGIL|VIGIL_SIM||20240101120000+0000||ACK^R01^ACK|ACK-")
                .append(controlId).append("|P|2.6\r")
                .append("MSA|").append(reply.code()).append('|').append(controlId).append('\r');
        if (!reply.reason().isEmpty()) {
            ack.append("ERR||OBX^1|207^Application internal error^HL70357|E||||").append(reply.reason()).append('\r');
        }
        return ack.toString();
    }

    private static byte[] frameOf(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[payload.length + 3];
        frame[0] = 0x0B;
        System.arraycopy(payload, 0, frame, 1, payload.length);
        frame[frame.length - 2] = 0x1C;
        frame[frame.length - 1] = 0x0D;
        return frame;
    }
}
