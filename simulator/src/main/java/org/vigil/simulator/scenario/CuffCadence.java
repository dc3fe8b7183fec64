package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.Iterator;

/**
 * The default NIBP cadence of docs/DOMAIN.md "Vital signs": a reading at the start, every 5 min for the first
 * 45 min, then every 15 min, for as long as the monitor runs.
 */
final class CuffCadence implements Iterator<Duration> {

    private static final Duration EARLY_INTERVAL = Duration.ofMinutes(5);
    private static final Duration LATE_INTERVAL = Duration.ofMinutes(15);
    private static final Duration EARLY_PHASE = Duration.ofMinutes(45);

    private Duration next = Duration.ZERO;

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Duration next() {
        Duration current = next;
        next = current.compareTo(EARLY_PHASE) < 0 ? current.plus(EARLY_INTERVAL) : current.plus(LATE_INTERVAL);
        return current;
    }
}
