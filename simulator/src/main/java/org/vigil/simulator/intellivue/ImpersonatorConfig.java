package org.vigil.simulator.intellivue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the impersonated monitor behaves.
 *
 * @param associationTimeout  how long the monitor keeps an association without hearing from the client (the
 *                            guide's "Connection Time-out Mechanism")
 * @param initialRelativeTime the RelativeTime counter at boot; set it near 2³² to make the counter wrap in a test
 * @param zone                the zone of the monitor's wall clock, for its AbsoluteTime
 * @param abortWhenDropping   whether the monitor sends an Association Abort when it drops a silent client, or
 *                            just falls silent
 */
public record ImpersonatorConfig(Duration associationTimeout, long initialRelativeTime, ZoneId zone,
                                 boolean abortWhenDropping) {

    public ImpersonatorConfig {
        Objects.requireNonNull(associationTimeout, "association timeout");
        Objects.requireNonNull(zone, "zone");
        if (associationTimeout.isNegative() || associationTimeout.isZero()) {
            throw new IllegalArgumentException("association timeout must be positive");
        }
        if (initialRelativeTime < 0 || initialRelativeTime > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("relative time is an unsigned 32-bit count");
        }
    }

    public static ImpersonatorConfig defaults() {
        return new ImpersonatorConfig(Duration.ofSeconds(10), 0, ZoneId.of("UTC"), true);
    }

    public ImpersonatorConfig withAssociationTimeout(Duration value) {
        return new ImpersonatorConfig(value, initialRelativeTime, zone, abortWhenDropping);
    }

    public ImpersonatorConfig withInitialRelativeTime(long value) {
        return new ImpersonatorConfig(associationTimeout, value, zone, abortWhenDropping);
    }

    public ImpersonatorConfig withZone(ZoneId value) {
        return new ImpersonatorConfig(associationTimeout, initialRelativeTime, value, abortWhenDropping);
    }

    public ImpersonatorConfig withAbortWhenDropping(boolean value) {
        return new ImpersonatorConfig(associationTimeout, initialRelativeTime, zone, value);
    }
}
