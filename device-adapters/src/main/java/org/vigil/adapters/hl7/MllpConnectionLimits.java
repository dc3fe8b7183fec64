package org.vigil.adapters.hl7;

import java.time.Duration;
import java.util.Objects;

/**
 * How many gateway connections the {@link Hl7Listener} holds open, and for how long a silent one.
 *
 * @param maxConnections the connections open at once, from every address together; one more is closed at once
 * @param maxPerAddress  the connections open at once from one source address
 * @param idleTimeout    a connection that has not completed an MLLP message for this long is closed: one that
 *                       sends nothing, and one that trickles bytes without ever finishing a frame (slow-loris).
 *                       A gateway that keeps an idle link open must send a message (a keep-alive) more often;
 *                       {@link Duration#ZERO} never closes a connection for being idle
 */
public record MllpConnectionLimits(int maxConnections, int maxPerAddress, Duration idleTimeout) {

    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_MAX_PER_ADDRESS = 32;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

    public MllpConnectionLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be positive: " + maxConnections);
        }
        if (maxPerAddress < 1) {
            throw new IllegalArgumentException("max connections per address must be positive: " + maxPerAddress);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must not be negative: " + idleTimeout);
        }
    }

    /** 256 connections, 32 from one address, closed after 120 s without a message. */
    public static MllpConnectionLimits defaults() {
        return new MllpConnectionLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PER_ADDRESS, DEFAULT_IDLE_TIMEOUT);
    }

    public boolean closesIdleConnections() {
        return !idleTimeout.isZero();
    }
}
