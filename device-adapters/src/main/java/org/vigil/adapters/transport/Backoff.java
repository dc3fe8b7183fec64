package org.vigil.adapters.transport;

import java.time.Duration;

/** The delays of a {@link ReconnectPolicy}, one attempt after another. Not thread-safe: one per transport. */
final class Backoff {

    private final ReconnectPolicy policy;
    private Duration next;

    Backoff(ReconnectPolicy policy) {
        this.policy = policy;
        this.next = policy.initialDelay();
    }

    /** The delay before the coming attempt; the one after it will be longer, up to the maximum. */
    Duration next() {
        Duration current = next;
        double grown = current.toNanos() * policy.multiplier();
        long maxNanos = policy.maxDelay().toNanos();
        next = grown >= maxNanos ? policy.maxDelay() : Duration.ofNanos((long) grown);
        return current;
    }

    /** A connection succeeded: the next failure waits the initial delay again. */
    void reset() {
        next = policy.initialDelay();
    }
}
