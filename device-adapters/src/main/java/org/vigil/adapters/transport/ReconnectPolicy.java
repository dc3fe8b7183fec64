package org.vigil.adapters.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a transport waits before each new connection attempt: {@code initialDelay}, multiplied by
 * {@code multiplier} after every failed attempt, never more than {@code maxDelay}, back to {@code initialDelay}
 * after a successful connection. The bound keeps a monitor that was unplugged for a minute from waiting long after
 * it is plugged back in; the growth keeps a dead terminal server from being dialled many times a second.
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier) {

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initial delay");
        Objects.requireNonNull(maxDelay, "max delay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initial delay must be positive, was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("max delay " + maxDelay + " is shorter than initial delay " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
    }

    /** 0.5 s, doubling, at most 10 s: back within 10 s of a device's return, a handful of attempts a minute. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0);
    }
}
