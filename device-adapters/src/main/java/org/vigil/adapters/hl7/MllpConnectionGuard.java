package org.vigil.adapters.hl7;

import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the {@link Hl7Listener} within its {@link MllpConnectionLimits}: a connection beyond the cap, in all or
 * from one source address, is closed as soon as it is accepted, before any of its bytes is read; a connection
 * that has not completed a message within the idle timeout is closed. Refusals are counted, and logged at most
 * once a minute per address ({@link RefusalLog}), so a flood does not flood the log. Every map here is keyed by
 * source address and holds at most one entry per open connection, or {@link RefusalLog#MAX_ADDRESSES}.
 * Safe to use from any thread.
 */
public final class MllpConnectionGuard {

    private static final Logger log = LoggerFactory.getLogger(MllpConnectionGuard.class);

    private final MllpConnectionLimits limits;
    private final RefusalLog refusalLog;
    private final Map<String, Integer> openPerAddress = new HashMap<>();
    private final Set<Admitted> open = new HashSet<>();
    private final LongAdder refused = new LongAdder();
    private final LongAdder closedIdle = new LongAdder();
    private int peakOpen;

    MllpConnectionGuard(MllpConnectionLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.refusalLog = new RefusalLog(clock);
    }

    public MllpConnectionLimits limits() {
        return limits;
    }

    /** Connections closed at once because a cap was reached. */
    public long refused() {
        return refused.sum();
    }

    /** Connections closed because they completed no message within the idle timeout. */
    public long closedIdle() {
        return closedIdle.sum();
    }

    /** The most connections open at once since the listener started. */
    public synchronized int peakOpen() {
        return peakOpen;
    }

    /** Connections open now. */
    public synchronized int open() {
        return open.size();
    }

    /** Admits the new connection, or closes it and returns null when a cap is reached. */
    Admitted admit(NetSocket socket) {
        String address = addressOf(socket.remoteAddress());
        String reason;
        synchronized (this) {
            int fromAddress = openPerAddress.getOrDefault(address, 0);
            if (open.size() >= limits.maxConnections()) {
                reason = "the listener already holds " + limits.maxConnections() + " connections";
            } else if (fromAddress >= limits.maxPerAddress()) {
                reason = "the address already holds " + limits.maxPerAddress() + " connections";
            } else {
                Admitted admitted = new Admitted(address, socket);
                openPerAddress.put(address, fromAddress + 1);
                open.add(admitted);
                peakOpen = Math.max(peakOpen, open.size());
                return admitted;
            }
        }
        refused.increment();
        socket.close();
        long unreported = refusalLog.refusedFrom(address);
        if (unreported == 0) {
            log.warn("refused an HL7 connection from {}: {}", address, reason);
        } else if (unreported > 0) {
            log.warn("refused an HL7 connection from {}: {} ({} more refused from it in the last minute)",
                    address, reason, unreported);
        }
        return null;
    }

    /** Closes every connection that has not completed a message within the idle timeout. */
    void closeIdle() {
        if (!limits.closesIdleConnections()) {
            return;
        }
        long now = System.nanoTime();
        long timeout = limits.idleTimeout().toNanos();
        List<Admitted> idle = new ArrayList<>();
        synchronized (this) {
            for (Admitted connection : open) {
                if (now - connection.lastMessageNanos >= timeout) {
                    idle.add(connection);
                }
            }
        }
        for (Admitted connection : idle) {
            if (connection.closing) {
                continue;
            }
            connection.closing = true;
            closedIdle.increment();
            log.info("closing the HL7 connection from {}: no complete message for {} s", connection.address,
                    limits.idleTimeout().toSeconds());
            connection.socket.close();
        }
    }

    /** How often {@link #closeIdle()} should run: a quarter of the timeout, between 100 ms and 1 s. */
    Duration sweepInterval() {
        Duration quarter = limits.idleTimeout().dividedBy(4);
        Duration atLeast = quarter.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : quarter;
        return atLeast.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : atLeast;
    }

    private synchronized void release(Admitted connection) {
        if (open.remove(connection)) {
            openPerAddress.computeIfPresent(connection.address, (address, count) -> count > 1 ? count - 1 : null);
        }
    }

    private static String addressOf(SocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.hostAddress() != null ? remote.hostAddress() : String.valueOf(remote.host());
    }

    /** One admitted connection: told of each complete message, and of its closing. */
    final class Admitted {

        private final String address;
        private final NetSocket socket;
        private volatile long lastMessageNanos = System.nanoTime();
        private volatile boolean closing;

        private Admitted(String address, NetSocket socket) {
            this.address = address;
            this.socket = socket;
        }

        /** A complete MLLP frame arrived: the connection is not idle. */
        void messageReceived() {
            lastMessageNanos = System.nanoTime();
        }

        /** The socket closed, for whatever reason: its place is free. */
        void closed() {
            release(this);
        }
    }
}
