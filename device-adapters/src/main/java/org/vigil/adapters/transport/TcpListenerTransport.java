package org.vigil.adapters.transport;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP port that one device, or the gateway or terminal server in front of it, connects to; a Vert.x
 * {@link NetServer} on a context of its own, never blocked.
 *
 * <p>One device entry has one active connection. <b>A new connection replaces the current one</b>: the old
 * socket is closed and reported {@link TransportState#DISCONNECTED}, then the new one
 * {@link TransportState#CONNECTED}. Refusing the newcomer would be wrong for the common cases: a gateway that
 * rebooted, or a connection that died without a FIN (cable pulled, terminal server power-cycled), which TCP may
 * keep "open" for hours; refusing would lock the real device out until then.
 *
 * <p>While no peer is connected the transport reports {@link TransportState#CONNECTING} ("listening"). If the
 * port cannot be bound (for example still in use), it reports {@link TransportState#DISCONNECTED} and tries to
 * bind again after the delay of its {@link ReconnectPolicy}.
 */
public final class TcpListenerTransport implements ByteTransport {

    private static final Logger log = LoggerFactory.getLogger(TcpListenerTransport.class);

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final ActiveSocket active;
    private NetServer server;
    private volatile int actualPort;

    /**
     * @param host the local address to bind, {@code "0.0.0.0"} for every interface
     * @param port the local port; 0 picks a free one, see {@link #actualPort()}
     */
    public TcpListenerTransport(Vertx vertx, String host, int port, ReconnectPolicy reconnectPolicy) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.host = Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        this.port = port;
        this.active = new ActiveSocket(vertx, new Backoff(Objects.requireNonNull(reconnectPolicy, "reconnect policy")),
                log, this::description);
    }

    @Override
    public void open(TransportListener listener) {
        active.open(listener, this::bind);
    }

    /** The port bound, once listening (useful when constructed with port 0); 0 before that. */
    public int actualPort() {
        return actualPort;
    }

    @Override
    public boolean write(byte[] bytes) {
        return active.write(bytes);
    }

    @Override
    public void close() {
        active.close(() -> {
            if (server != null) {
                server.close();
            }
        });
    }

    @Override
    public String description() {
        return "tcp listener " + host + ":" + (actualPort == 0 ? port : actualPort);
    }

    private void bind() {
        if (active.closed()) {
            return;
        }
        NetServer candidate = vertx.createNetServer(new NetServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpKeepAlive(true)
                .setTcpNoDelay(true));
        candidate.connectHandler(this::accepted);
        candidate.listen().onComplete(bound -> {
            if (bound.failed()) {
                active.report(TransportState.DISCONNECTED, "cannot listen on " + host + ":" + port + ": "
                        + bound.cause().getMessage());
                active.retryLater(this::bind);
            } else if (active.closed()) {
                candidate.close();
            } else {
                active.resetBackoff();
                server = candidate;
                actualPort = candidate.actualPort();
                active.report(TransportState.CONNECTING, listening());
            }
        });
    }

    private void accepted(NetSocket connection) {
        if (active.closed()) {
            connection.close();
            return;
        }
        NetSocket previous = active.current();
        String peer = String.valueOf(connection.remoteAddress());
        active.hold(connection, peer, "connection from " + peer,
                () -> active.report(TransportState.CONNECTING, listening()));
        if (previous != null) {
            previous.close();
            active.report(TransportState.DISCONNECTED, "connection from " + previous.remoteAddress()
                    + " replaced by a new connection from " + peer);
        }
        active.report(TransportState.CONNECTED, "accepted a connection from " + peer);
    }

    private String listening() {
        return "listening on " + host + ":" + actualPort;
    }
}
