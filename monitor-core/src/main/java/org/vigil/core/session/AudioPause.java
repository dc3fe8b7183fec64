package org.vigil.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.vigil.core.api.AlarmPriority;

/**
 * The chair's alarm sounds paused by a named user (IEC 60601-1-8 "audio paused"; docs/DOMAIN.md, "Alarm behaviour").
 * The pause lapses by itself at {@code until}: nothing has to happen then, so no timer is needed to know whether a
 * chair is paused, before or after a restart.
 */
record AudioPause(String user, Instant until) {

    /** docs/DOMAIN.md, "Alarm behaviour": audio paused for 2 min. */
    static final Duration LENGTH = Duration.ofMinutes(2);

    /** Whether the pause still holds at {@code at}; an alarm raised without a time is taken to fall in it. */
    boolean holdsAt(Instant at) {
        return at == null || at.isBefore(until);
    }

    /**
     * A new alarm breaks through the pause when it is of higher priority than every alarm sounding when it is
     * raised (active and not acknowledged): the pause silenced those, not a worse condition. With nothing
     * sounding, any new alarm breaks through, since the pause silenced nothing that it could stand for.
     */
    boolean brokenThroughBy(AlarmPriority raised, Instant at, Collection<AlarmPriority> sounding) {
        return holdsAt(at) && sounding.stream().allMatch(raised::isHigherThan);
    }
}
