package org.vigil.adapters.transport;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP connection to a serial-to-Ethernet terminal server (the usual way a bedside RS-232 port reaches the
 * network, docs/PROTOCOLS.md), through a Vert.x {@link NetClient}. Everything runs on one Vert.x context and nothing
 * blocks it: connecting, reading and the reconnect timer are all asynchronous.
 *
 * <p>When the connection fails or the server closes it, the transport reports
 * {@link TransportState#DISCONNECTED} with the reason and dials again after the delay of its
 * {@link ReconnectPolicy}. TCP keep-alive is on so that a terminal server that lost power is eventually noticed
 * even when the device is quiet; silence of the device itself is the supervisor's business.
 */
public final class TcpClientTransport implements ByteTransport {

    private static final Logger log = LoggerFactory.getLogger(TcpClientTransport.class);
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final ActiveSocket active;
    private NetClient client;

    public TcpClientTransport(Vertx vertx, String host, int port, ReconnectPolicy reconnectPolicy,
                              Duration connectTimeout) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        this.port = port;
        this.active = new ActiveSocket(vertx, new Backoff(Objects.requireNonNull(reconnectPolicy, "reconnect policy")),
                log, this::description);
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connect timeout");
    }

    public TcpClientTransport(Vertx vertx, String host, int port, ReconnectPolicy reconnectPolicy) {
        this(vertx, host, port, reconnectPolicy, DEFAULT_CONNECT_TIMEOUT);
    }

    @Override
    public void open(TransportListener listener) {
        active.open(listener, () -> {
            client = vertx.createNetClient(new NetClientOptions()
                    .setConnectTimeout((int) connectTimeout.toMillis())
                    .setTcpKeepAlive(true)
                    .setTcpNoDelay(true));
            connect();
        });
    }

    @Override
    public boolean write(byte[] bytes) {
        return active.write(bytes);
    }

    @Override
    public void close() {
        active.close(() -> client.close());
    }

    @Override
    public String description() {
        return "tcp " + host + ":" + port;
    }

    private void connect() {
        if (active.closed()) {
            return;
        }
        active.report(TransportState.CONNECTING, "connecting to " + host + ":" + port);
        client.connect(port, host).onComplete(attempt -> {
            if (attempt.failed()) {
                active.report(TransportState.DISCONNECTED, "cannot connect to " + host + ":" + port + ": "
                        + attempt.cause().getMessage());
                active.retryLater(this::connect);
            } else if (active.closed()) {
                attempt.result().close();
            } else {
                connected(attempt.result());
            }
        });
    }

    private void connected(NetSocket connection) {
        active.resetBackoff();
        String server = host + ":" + port;
        active.hold(connection, server, "connection to " + server, () -> active.retryLater(this::connect));
        active.report(TransportState.CONNECTED, "connected to " + server + " from " + connection.localAddress());
    }
}
