package org.vigil.simulator.pump;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The pump's simulated time: it starts at the clock's instant (whole seconds) and runs {@code speed} times as fast
 * as the injected clock, so a 40-minute infusion can run in seconds.
 */
final class PumpTime {

    private final Clock clock;
    private final double speed;
    private final Instant wallStart;
    private final Instant deviceStart;

    PumpTime(Clock clock, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        this.clock = clock;
        this.speed = speed;
        this.wallStart = clock.instant();
        this.deviceStart = wallStart.truncatedTo(ChronoUnit.SECONDS);
    }

    Duration elapsed() {
        long wallNanos = Duration.between(wallStart, clock.instant()).toNanos();
        return Duration.ofNanos((long) (Math.max(0, wallNanos) * speed));
    }

    /** What the pump's clock shows {@code elapsed} after its start. */
    Instant deviceTime(Duration elapsed) {
        return deviceStart.plus(elapsed);
    }

    Instant deviceStart() {
        return deviceStart;
    }
}
