package org.vigil.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Esketamine devices are given 5 min apart (Spravato prescribing information; docs/DOMAIN.md, "The treatment"): a device
 * earlier than the spacing after the one before is refused, with the earliest time it may be given.
 */
final class EsketamineSpacingRule {

    private EsketamineSpacingRule() {
    }

    /** Why device {@code number} cannot be given at {@code at}, or empty when it can. */
    static Optional<String> refusal(int number, Instant previous, Instant at, Duration spacing) {
        if (previous == null) {
            return Optional.empty();
        }
        Duration since = Duration.between(previous, at);
        if (since.compareTo(spacing) >= 0) {
            return Optional.empty();
        }
        Instant earliest = previous.plus(spacing);
        String when = since.isNegative() ? "before device " + (number - 1)
                : SessionProgress.minutes(since) + " after device " + (number - 1);
        return Optional.of("esketamine device " + number + " at " + at + " would be " + when + " (given at "
                + previous + "): devices must be at least " + SessionProgress.minutes(spacing)
                + " apart, the earliest is " + earliest);
    }
}
