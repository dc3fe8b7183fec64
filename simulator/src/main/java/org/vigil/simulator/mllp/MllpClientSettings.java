package org.vigil.simulator.mllp;

import java.time.Duration;

/**
 * How patiently a sender waits: for each ACK, for a connection, between reconnection attempts (doubling
 * from {@code initialBackoff} up to {@code maxBackoff}), and how many times one message is sent without an
 * ACK before it is given up.
 */
public record MllpClientSettings(Duration ackTimeout, Duration connectTimeout, Duration initialBackoff,
        Duration maxBackoff, int attemptsPerMessage, int maxFrameBytes) {

    public MllpClientSettings {
        requirePositive(ackTimeout, "ackTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (attemptsPerMessage < 1 || maxFrameBytes < 1) {
            throw new IllegalArgumentException("attemptsPerMessage and maxFrameBytes must be positive");
        }
    }

    /** ACK timeout 10 s, connect timeout 2 s, backoff 100 ms doubling to 5 s, 3 attempts, frames up to 1 MiB. */
    public static MllpClientSettings defaults() {
        return new MllpClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(100),
                Duration.ofSeconds(5), 3, 1 << 20);
    }

    public MllpClientSettings withAckTimeout(Duration timeout) {
        return new MllpClientSettings(timeout, connectTimeout, initialBackoff, maxBackoff, attemptsPerMessage,
                maxFrameBytes);
    }

    public MllpClientSettings withBackoff(Duration initial, Duration max) {
        return new MllpClientSettings(ackTimeout, connectTimeout, initial, max, attemptsPerMessage, maxFrameBytes);
    }

    public MllpClientSettings withAttemptsPerMessage(int attempts) {
        return new MllpClientSettings(ackTimeout, connectTimeout, initialBackoff, maxBackoff, attempts,
                maxFrameBytes);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
