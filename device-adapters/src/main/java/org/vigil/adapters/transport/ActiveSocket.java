package org.vigil.adapters.transport;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The one socket a TCP transport carries a device's bytes over, whether it dialled out ({@link TcpClientTransport})
 * or accepted it ({@link TcpListenerTransport}), and what both do with it: open on one Vert.x context, write
 * without queueing past the socket's limit, hand over what arrives, report the loss of the connection with its
 * reason, try again after the backoff delay, and close for good. Only the socket held now speaks: a replaced or
 * closed one is ignored.
 */
final class ActiveSocket {

    private final Vertx vertx;
    private final Backoff backoff;
    private final Logger log;
    private final Supplier<String> description;
    private Context context;
    private TransportListener listener;
    private long retryTimer = -1;
    private volatile NetSocket socket;
    private volatile boolean closed;

    /** @param description the transport's {@link ByteTransport#description()}, for its messages and logs */
    ActiveSocket(Vertx vertx, Backoff backoff, Logger log, Supplier<String> description) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.backoff = backoff;
        this.log = log;
        this.description = description;
    }

    /** Takes the listener and runs {@code start} on a context of the transport's own. */
    void open(TransportListener listener, Runnable start) {
        if (this.listener != null) {
            throw new IllegalStateException(description.get() + " is already open");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.context = vertx.getOrCreateContext();
        context.runOnContext(ignored -> start.run());
    }

    boolean closed() {
        return closed;
    }

    /** The socket held now; {@code null} while there is none. */
    NetSocket current() {
        return socket;
    }

    /** See {@link ByteTransport#write(byte[])}. */
    boolean write(byte[] bytes) {
        NetSocket current = socket;
        if (closed || current == null || current.writeQueueFull()) {
            return false;
        }
        current.write(Buffer.buffer(bytes.clone()));
        return true;
    }

    /**
     * Holds {@code connection} from now on, in place of any other, and hands over what it receives. When it closes
     * while still held, reports {@link TransportState#DISCONNECTED}, saying that {@code peer} closed it or that
     * {@code link} failed and why, then runs {@code afterLoss}.
     */
    void hold(NetSocket connection, String peer, String link, Runnable afterLoss) {
        socket = connection;
        String[] lastError = {null};
        connection.handler(buffer -> {
            if (!closed && socket == connection) {
                listener.received(buffer.getBytes());
            }
        });
        connection.exceptionHandler(error -> {
            lastError[0] = error.getMessage();
            connection.close();
        });
        connection.closeHandler(ignored -> {
            if (socket == connection) {
                socket = null;
                report(TransportState.DISCONNECTED, lastError[0] == null
                        ? peer + " closed the connection"
                        : link + " failed: " + lastError[0]);
                afterLoss.run();
            }
        });
    }

    /** Runs {@code attempt} again after the next backoff delay, unless the transport is closed. */
    void retryLater(Runnable attempt) {
        if (!closed) {
            retryTimer = vertx.setTimer(Math.max(1, backoff.next().toMillis()), ignored -> attempt.run());
        }
    }

    /** The peer was reached or the port bound: the next failure waits the shortest delay again. */
    void resetBackoff() {
        backoff.reset();
    }

    /** Tells the listener, unless the transport is closed. */
    void report(TransportState state, String detail) {
        if (!closed) {
            log.debug("{}: {} ({})", description.get(), state, detail);
            listener.stateChanged(state, detail);
        }
    }

    /**
     * Stops for good: from now on nothing is reported or handed over; on the transport's context the retry timer
     * is cancelled and the socket closed, then {@code release} closes the transport's client or server.
     */
    void close(Runnable release) {
        closed = true;
        if (context != null) {
            context.runOnContext(ignored -> {
                vertx.cancelTimer(retryTimer);
                NetSocket current = socket;
                socket = null;
                if (current != null) {
                    current.close();
                }
                release.run();
            });
        }
    }
}
