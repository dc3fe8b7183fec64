package org.vigil.adapters.transport;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP port that one device, or the gateway or terminal server in front of it, connects to; a Vert.x
 * {@link NetServer} on a context of its own, never blocked.
 *
 * <p><b>Who may connect.</b> When the device entry lists allowed addresses ({@link AddressAllowList}), a connection
 * from any other address is closed at once, logged and counted ({@link #refusedConnections()}); it never becomes
 * the link.
 *
 * <p>One device entry has one active connection. <b>A new connection from the address of the current one replaces
 * it</b>: the old socket is closed and reported {@link TransportState#DISCONNECTED}, then the new one
 * {@link TransportState#CONNECTED}. Refusing the newcomer would be wrong for the common cases: a gateway that
 * rebooted, or a connection that died without a FIN (cable pulled, terminal server power-cycled), which TCP may
 * keep "open" for hours; refusing would lock the real device out until then. A new connection from <em>another</em>
 * address replaces the live link only when the allow-list names that address (a clinic that lists a device's
 * addresses trusts each); without an allow-list it is refused while the link is up, so no one on the network can
 * take the link over by connecting.
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
    private final AddressAllowList allowed;
    private final LongAdder refused = new LongAdder();
    private NetServer server;
    private volatile int actualPort;

    /**
     * @param host the local address to bind, {@code "0.0.0.0"} for every interface
     * @param port the local port; 0 picks a free one, see {@link #actualPort()}
     */
    public TcpListenerTransport(Vertx vertx, String host, int port, ReconnectPolicy reconnectPolicy) {
        this(vertx, host, port, reconnectPolicy, AddressAllowList.any());
    }

    /** @param allowed the addresses the device may connect from */
    public TcpListenerTransport(Vertx vertx, String host, int port, ReconnectPolicy reconnectPolicy,
                                AddressAllowList allowed) {
        this.allowed = Objects.requireNonNull(allowed, "allowed addresses");
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

    /** Connections closed at once: from an address not allowed, or taking over a live link from another one. */
    public long refusedConnections() {
        return refused.sum();
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
        String address = connection.remoteAddress() == null ? "" : connection.remoteAddress().hostAddress();
        if (!allowed.allows(address)) {
            refuse(connection, peer, "its address is not among the allowed addresses (" + allowed + ")");
            return;
        }
        if (previous != null && !allowed.restricts() && !address.equals(previous.remoteAddress().hostAddress())) {
            refuse(connection, peer, "the link from " + previous.remoteAddress() + " is up, and no allowed addresses"
                    + " are configured for another one to take it over");
            return;
        }
        active.hold(connection, peer, "connection from " + peer,
                () -> active.report(TransportState.CONNECTING, listening()));
        if (previous != null) {
            previous.close();
            active.report(TransportState.DISCONNECTED, "connection from " + previous.remoteAddress()
                    + " replaced by a new connection from " + peer);
        }
        active.report(TransportState.CONNECTED, "accepted a connection from " + peer);
    }

    private void refuse(NetSocket connection, String peer, String reason) {
        refused.increment();
        log.warn("{}: refused a connection from {}: {}", description(), peer, reason);
        connection.close();
    }

    private String listening() {
        return "listening on " + host + ":" + actualPort;
    }
}
