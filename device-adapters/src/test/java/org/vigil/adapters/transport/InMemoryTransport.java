package org.vigil.adapters.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A transport whose peer is the test: it connects, drops and delivers bytes when told to. */
final class InMemoryTransport implements ByteTransport {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private volatile TransportListener listener;
    private volatile boolean connected;
    private volatile boolean closed;

    @Override
    public void open(TransportListener listener) {
        this.listener = listener;
        listener.stateChanged(TransportState.CONNECTING, "opening");
    }

    @Override
    public synchronized boolean write(byte[] bytes) {
        if (!connected || closed) {
            return false;
        }
        written.writeBytes(bytes);
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String description() {
        return "in memory";
    }

    boolean isOpen() {
        return listener != null;
    }

    boolean isClosed() {
        return closed;
    }

    void connect() {
        connected = true;
        listener.stateChanged(TransportState.CONNECTED, "peer is there");
    }

    void drop(String reason) {
        connected = false;
        listener.stateChanged(TransportState.DISCONNECTED, reason);
    }

    void failAttempt(String reason) {
        listener.stateChanged(TransportState.CONNECTING, "trying again");
        listener.stateChanged(TransportState.DISCONNECTED, reason);
    }

    void deliver(String text) {
        listener.received(text.getBytes(StandardCharsets.US_ASCII));
    }

    synchronized String written() {
        return written.toString(StandardCharsets.US_ASCII);
    }
}
