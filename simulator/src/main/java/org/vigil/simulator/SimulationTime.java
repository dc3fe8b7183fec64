package org.vigil.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Simulated time: it starts at the clock's instant (whole seconds) and runs {@code speed} times as fast as
 * the injected clock. Waiting re-reads the clock at least every 100 ms, so a clock that jumps is followed
 * and a stop is noticed promptly.
 */
final class SimulationTime {

    private static final long LONGEST_WAIT_MILLIS = 100;

    private final Clock clock;
    private final double speed;
    private final Instant wallStart;
    private final Instant simulatedStart;

    SimulationTime(Clock clock, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        this.clock = clock;
        this.speed = speed;
        this.wallStart = clock.instant();
        this.simulatedStart = wallStart.truncatedTo(ChronoUnit.SECONDS);
    }

    Instant simulatedStart() {
        return simulatedStart;
    }

    Duration elapsed() {
        long wallNanos = Duration.between(wallStart, clock.instant()).toNanos();
        return Duration.ofNanos((long) (wallNanos * speed));
    }

    /** Waits until {@code target} of simulated time has passed; false if {@code stop} was released first. */
    boolean awaitElapsed(Duration target, CountDownLatch stop) throws InterruptedException {
        while (stop.getCount() > 0) {
            Duration remaining = target.minus(elapsed());
            if (remaining.isNegative() || remaining.isZero()) {
                return true;
            }
            long wallMillis = (long) Math.ceil(remaining.toNanos() / speed / 1_000_000.0);
            if (stop.await(Math.min(Math.max(1, wallMillis), LONGEST_WAIT_MILLIS), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return false;
    }
}
