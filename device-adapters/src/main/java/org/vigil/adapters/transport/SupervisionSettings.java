package org.vigil.adapters.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * @param silenceTimeout how long a device may go without one usable message before it is reported silent; 10 s
 *                       by default, the "device offline" technical condition of docs/DESIGN.md, long enough for a
 *                       monitor polled every second or a pump polled every 2 s (docs/PROTOCOLS.md §2, §3) to miss a few
 *                       answers
 * @param tickInterval   how often the codec's timers and the silence check run; 100 ms by default, fine enough
 *                       for a one-second poll cadence
 */
public record SupervisionSettings(Duration silenceTimeout, Duration tickInterval) {

    public SupervisionSettings {
        requirePositive(silenceTimeout, "silence timeout");
        requirePositive(tickInterval, "tick interval");
        if (tickInterval.toMillis() < 1) {
            throw new IllegalArgumentException("tick interval must be at least 1 ms, was " + tickInterval);
        }
    }

    public static SupervisionSettings defaults() {
        return new SupervisionSettings(Duration.ofSeconds(10), Duration.ofMillis(100));
    }

    public SupervisionSettings withSilenceTimeout(Duration value) {
        return new SupervisionSettings(value, tickInterval);
    }

    public SupervisionSettings withTickInterval(Duration value) {
        return new SupervisionSettings(silenceTimeout, value);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
