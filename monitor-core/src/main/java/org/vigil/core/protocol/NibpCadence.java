package org.vigil.core.protocol;

import java.time.Duration;
import java.time.Instant;

/**
 * How often the cuff measures: more often early, when ketamine's BP rise builds, then less; a reading older than
 * its interval plus the stale margin is shown as stale (docs/DOMAIN.md, "Vital signs").
 *
 * @param earlyPhase how long after the start (dose start, else session start) the early interval applies
 */
public record NibpCadence(Duration earlyInterval, Duration earlyPhase, Duration laterInterval,
                          int staleAfterPercentOverdue) {

    /** The interval that follows a reading taken at {@code reading}, for a session that started at {@code start}. */
    public Duration intervalAfter(Instant start, Instant reading) {
        return Duration.between(start, reading).compareTo(earlyPhase) < 0 ? earlyInterval : laterInterval;
    }

    /** When the next reading is due: at the start when none was taken yet, else one interval after the last. */
    public Instant nextDue(Instant start, Instant lastReading) {
        return lastReading == null ? start : lastReading.plus(intervalAfter(start, lastReading));
    }

    /** Whether the last reading is older than its interval plus the stale margin (5 min → stale after 7.5 min). */
    public boolean isStale(Instant start, Instant lastReading, Instant now) {
        if (lastReading == null) {
            return false;
        }
        return now.isAfter(staleAfter(start, lastReading));
    }

    /** The moment after which a reading taken at {@code reading} is stale: its interval plus the stale margin. */
    public Instant staleAfter(Instant start, Instant reading) {
        Duration interval = intervalAfter(start, reading);
        return reading.plus(interval.plus(interval.multipliedBy(staleAfterPercentOverdue).dividedBy(100)));
    }
}
