package org.vigil.adapters.hl7;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.SenderFence;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The TCP listener HL7 gateways connect to, speaking IHE PCD-01, PCD-04 and PCD-10 over MLLP (docs/PROTOCOLS.md §1;
 * docs/DESIGN.md, external interface: port 2575). Each message is acknowledged only after the sink has committed its
 * events; a resend of a stored message is acknowledged again (AA) and the sink stores it once.
 *
 * <p>The listener holds at most as many connections as its {@link MllpConnectionLimits} allow and closes those that
 * stay silent ({@link MllpConnectionGuard}); TCP keep-alive is on. With {@link MllpTls} it speaks MLLP over TLS only.
 */
public final class Hl7Listener {

    private static final Logger log = LoggerFactory.getLogger(Hl7Listener.class);

    private final Vertx vertx;
    private final Hl7ListenerSettings settings;
    private final DeviceReportSink sink;
    private final SenderFence fence;
    private final Clock clock;
    private final Hl7Counters counters = new Hl7Counters();
    private final MllpConnectionGuard guard;
    private final Optional<MllpTls> tls;
    private NetServer server;
    private long idleSweep = -1;

    /** A plain-TCP listener with the default {@link MllpConnectionLimits}. */
    public Hl7Listener(Vertx vertx, Hl7ListenerSettings settings, DeviceReportSink sink, Clock clock) {
        this(vertx, settings, MllpConnectionLimits.defaults(), Optional.empty(), sink, SenderFence.OPEN, clock);
    }

    /** @param fence who may write into the record: every report passes it before it reaches the sink */
    public Hl7Listener(Vertx vertx, Hl7ListenerSettings settings, DeviceReportSink sink, SenderFence fence,
                       Clock clock) {
        this(vertx, settings, MllpConnectionLimits.defaults(), Optional.empty(), sink, fence, clock);
    }

    /** A listener within {@code limits}, speaking MLLP over TLS when {@code tls} is present. */
    public Hl7Listener(Vertx vertx, Hl7ListenerSettings settings, MllpConnectionLimits limits, Optional<MllpTls> tls,
                       DeviceReportSink sink, Clock clock) {
        this(vertx, settings, limits, tls, sink, SenderFence.OPEN, clock);
    }

    /**
     * A listener within {@code limits}, speaking MLLP over TLS when {@code tls} is present.
     *
     * @param fence who may write into the record: every report passes it before it reaches the sink
     */
    public Hl7Listener(Vertx vertx, Hl7ListenerSettings settings, MllpConnectionLimits limits, Optional<MllpTls> tls,
                       DeviceReportSink sink, SenderFence fence, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.fence = Objects.requireNonNull(fence, "fence");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = new MllpConnectionGuard(limits, clock);
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    /** Binds and starts accepting gateways; completes with the bound port (the free one chosen for port 0). */
    public synchronized Future<Integer> start() {
        if (server != null) {
            return Future.failedFuture(new IllegalStateException("the MLLP listener is already started"));
        }
        NetServerOptions options = new NetServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true);
        tls.ifPresent(secure -> secure.applyTo(options));
        NetServer created = vertx.createNetServer(options);
        created.connectHandler(socket -> {
            MllpConnectionGuard.Admitted admitted = guard.admit(socket);
            if (admitted != null) {
                new Hl7ListenerConnection(socket, vertx.getOrCreateContext(), settings.maxFrameBytes(), sink,
                        fence, counters, clock, admitted).start();
            }
        });
        server = created;
        if (guard.limits().closesIdleConnections()) {
            idleSweep = vertx.setPeriodic(guard.sweepInterval().toMillis(), id -> guard.closeIdle());
        }
        return created.listen()
                .map(NetServer::actualPort)
                .onSuccess(port -> log.info("MLLP listener for HL7 gateways on {}:{}{}", settings.host(), port,
                        tls.map(secure -> " over TLS, client certificates " + secure.clientAuth()).orElse("")))
                .onFailure(e -> {
                    synchronized (this) {
                        server = null;
                        stopIdleSweep();
                    }
                    log.error("MLLP listener could not bind {}:{}", settings.host(), settings.port(), e);
                });
    }

    /** Stops accepting and closes every open connection. */
    public synchronized Future<Void> stop() {
        if (server == null) {
            return Future.succeededFuture();
        }
        NetServer closing = server;
        server = null;
        stopIdleSweep();
        return closing.close();
    }

    private void stopIdleSweep() {
        if (idleSweep >= 0) {
            vertx.cancelTimer(idleSweep);
            idleSweep = -1;
        }
    }

    /** The bound port, or -1 when the listener is not running. */
    public synchronized int port() {
        return server == null ? -1 : server.actualPort();
    }

    public Hl7Counters counters() {
        return counters;
    }

    /** The connection caps and idle timeout, with what they refused and closed. */
    public MllpConnectionGuard connections() {
        return guard;
    }
}
