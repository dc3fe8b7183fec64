package org.vigil.core.protocol;

import java.time.Duration;

/**
 * How often the cuff measures: more often early, when ketamine's BP rise builds, then less; a reading older than
 * its interval plus the stale margin is shown as stale (DOMAIN.md, "Vital signs").
 */
public record NibpCadence(Duration earlyInterval, Duration earlyPhase, Duration laterInterval,
                          int staleAfterPercentOverdue) {
}
