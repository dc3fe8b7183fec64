package org.vigil.adapters.transport;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device link: a {@link ByteTransport} paired with a {@link CodecStream}, watched.
 *
 * <p>It feeds received bytes and clock ticks to the codec, hands usable results to the
 * {@link ConnectionListener}, writes the codec's bytes back, and reports connection changes and <em>silence</em>:
 * no usable message for {@link SupervisionSettings#silenceTimeout()} (the "device offline" condition of
 * docs/DESIGN.md). Silence is measured whatever the transport's state, so a device that stays unplugged is reported
 * both disconnected and silent, and a device that is connected but only sends garbage is reported silent. Decode
 * failures are counted and never close the connection (docs/DESIGN.md, "Bad input never kills anything").
 *
 * <p>Everything happens on one Vert.x context (the one current when the connection was made, or a new event-loop
 * context), so the codec is only ever called from one thread and needs no locking; the transport's callbacks hop
 * onto it. Time comes from the injected {@link Clock}: the codec's timers and the silence check run on a periodic
 * Vert.x timer every {@link SupervisionSettings#tickInterval()} and compare against {@code clock.instant()}.
 * {@link #counters()} may be read from any thread.
 *
 * @param <R> the codec's result type
 */
public final class SupervisedConnection<R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedConnection.class);

    private final String name;
    private final ByteTransport transport;
    private final CodecStream<R> codec;
    private final ConnectionListener<R> listener;
    private final SupervisionSettings settings;
    private final Vertx vertx;
    private final Clock clock;
    private final Context context;

    private volatile boolean started;
    private volatile boolean stopped;
    private long tickTimer = -1;
    private Boolean reportedConnected;
    private Instant silentSince;

    // Counters: written only on the context (so += is safe), read by counters() from any thread.
    private volatile TransportState state = TransportState.DISCONNECTED;
    private volatile boolean silent;
    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile long writesDropped;
    private volatile long framesOk;
    private volatile long results;
    private volatile long decodeFailures;
    private volatile long connections;
    private volatile Instant lastMessageAt;
    private volatile String lastDisconnectReason;
    private volatile String lastDecodeFailure;

    /**
     * @param name      the device entry's name, for logs
     * @param transport a transport not yet opened; this connection opens and closes it
     * @param codec     a fresh codec of the device's protocol, for this connection's byte stream
     */
    public SupervisedConnection(String name, ByteTransport transport, CodecStream<R> codec,
                                ConnectionListener<R> listener, SupervisionSettings settings, Vertx vertx,
                                Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.context = vertx.getOrCreateContext();
    }

    public String name() {
        return name;
    }

    /** Opens the transport and starts the timers; the silence timeout counts from now. */
    public void start() {
        if (started) {
            throw new IllegalStateException(name + " was already started");
        }
        started = true;
        context.runOnContext(ignored -> {
            if (stopped) {
                return;
            }
            silentSince = clock.instant();
            tickTimer = vertx.setPeriodic(settings.tickInterval().toMillis(), timer -> tick());
            log.info("{}: starting on {}", name, transport.description());
            transport.open(new TransportListener() {
                @Override
                public void stateChanged(TransportState next, String detail) {
                    context.runOnContext(event -> onStateChanged(next, detail));
                }

                @Override
                public void received(byte[] chunk) {
                    context.runOnContext(event -> onReceived(chunk));
                }
            });
        });
    }

    /**
     * Sends bytes decided outside the codec, for example an acknowledgement that may only go out once the
     * message is stored. Dropped and counted in {@link ConnectionCounters#writesDropped()} when not connected.
     */
    public void write(byte[] bytes) {
        byte[] copy = bytes.clone();
        context.runOnContext(ignored -> send(copy));
    }

    /** Stops the timers and closes the transport; the listener hears nothing more. */
    public void stop() {
        stopped = true;
        transport.close();
        context.runOnContext(ignored -> vertx.cancelTimer(tickTimer));
    }

    @Override
    public void close() {
        stop();
    }

    public ConnectionCounters counters() {
        return new ConnectionCounters(state, silent, bytesIn, bytesOut, writesDropped, framesOk, results,
                decodeFailures, connections, Math.max(0, connections - 1), Optional.ofNullable(lastMessageAt),
                Optional.ofNullable(lastDisconnectReason), Optional.ofNullable(lastDecodeFailure));
    }

    private void onStateChanged(TransportState next, String detail) {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        TransportState previous = state;
        state = next;
        if (next == TransportState.CONNECTED) {
            connections++;
            if (!Boolean.TRUE.equals(reportedConnected)) {
                reportedConnected = true;
                log.info("{}: connected ({})", name, detail);
                notifyListener(() -> listener.connected(detail, now));
            }
            apply(callCodec(() -> codec.connected(now)), now);
        } else if (next == TransportState.DISCONNECTED) {
            lastDisconnectReason = detail;
            if (previous == TransportState.CONNECTED) {
                callCodec(() -> {
                    codec.disconnected(now);
                    return CodecOutput.none();
                });
            }
            if (!Boolean.FALSE.equals(reportedConnected)) {
                reportedConnected = false;
                log.warn("{}: disconnected ({})", name, detail);
                notifyListener(() -> listener.disconnected(detail, now));
            }
        }
    }

    private void onReceived(byte[] chunk) {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        bytesIn += chunk.length;
        apply(callCodec(() -> codec.received(chunk, now)), now);
    }

    private void tick() {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        if (state == TransportState.CONNECTED) {
            apply(callCodec(() -> codec.tick(now)), now);
        }
        if (!silent && !now.isBefore(silentSince.plus(settings.silenceTimeout()))) {
            silent = true;
            Instant since = silentSince;
            log.warn("{}: no usable message since {}", name, since);
            notifyListener(() -> listener.silent(since, now));
        }
    }

    private void apply(CodecOutput<R> output, Instant now) {
        framesOk += output.framesDecoded();
        for (String failure : output.failures()) {
            countFailure(failure);
            notifyListener(() -> listener.decodeFailed(failure, now));
        }
        for (R result : output.results()) {
            results++;
            lastMessageAt = now;
            if (silent) {
                silent = false;
                Instant since = silentSince;
                log.info("{}: messages again after silence since {}", name, since);
                notifyListener(() -> listener.recovered(since, now));
            }
            silentSince = now;
            notifyListener(() -> listener.received(result, now));
        }
        for (byte[] bytes : output.writes()) {
            send(bytes);
        }
    }

    private void send(byte[] bytes) {
        if (!stopped && transport.write(bytes)) {
            bytesOut += bytes.length;
        } else {
            writesDropped++;
        }
    }

    private CodecOutput<R> callCodec(Supplier<CodecOutput<R>> call) {
        try {
            return call.get();
        } catch (RuntimeException failure) {
            log.warn("{}: codec failed", name, failure);
            countFailure("codec error: " + failure);
            return CodecOutput.none();
        }
    }

    private void countFailure(String reason) {
        decodeFailures++;
        lastDecodeFailure = reason;
        log.debug("{}: decode failure: {}", name, reason);
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            log.warn("{}: listener failed", name, failure);
        }
    }
}
