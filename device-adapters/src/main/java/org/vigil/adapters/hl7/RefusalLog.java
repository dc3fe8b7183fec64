package org.vigil.adapters.hl7;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides when a refused connection is worth a log line: the first refusal from an address, then at most one a
 * minute, carrying how many refusals went unreported in between. Remembers at most {@link #MAX_ADDRESSES}
 * addresses (the least recently refused are forgotten first), so a flood from many addresses cannot grow it.
 * Safe to use from any thread.
 */
final class RefusalLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 1024;

    private final Clock clock;
    private final Map<String, Reported> reported = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reported> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    RefusalLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Notes a refusal from {@code address}: returns how many refusals from it went unreported before this one when
     * this one should be logged, or {@code -1} when it should not.
     */
    synchronized long refusedFrom(String address) {
        Instant now = clock.instant();
        Reported last = reported.get(address);
        if (last != null && now.isBefore(last.at().plus(INTERVAL))) {
            reported.put(address, new Reported(last.at(), last.unreported() + 1));
            return -1;
        }
        reported.put(address, new Reported(now, 0));
        return last == null ? 0 : last.unreported();
    }

    synchronized int addressesRemembered() {
        return reported.size();
    }

    private record Reported(Instant at, long unreported) {
    }
}
