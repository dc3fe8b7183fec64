package org.vigil.adapters.intellivue.wire;

import java.time.Instant;

/**
 * Turns the monitor's RelativeTime (an unsigned 32-bit count of 1/8 ms since the monitor started; Philips Data
 * Export Interface Programming Guide, "RelativeTime") into instants. The counter wraps every 2³² ticks (about 6.2
 * days), so each new value is placed at the signed 32-bit distance from the previous one: successive times stay
 * monotonic across the wrap-around. Anchored on one (instant, relative time) pair, usually the MDS's
 * {@code NOM_ATTR_TIME_ABS}/{@code NOM_ATTR_TIME_REL} from the MDS Create Event Report.
 */
final class RelativeTimeClock {

    /** Nanoseconds per tick of 1/8 ms. */
    static final long NANOS_PER_TICK = 125_000L;
    private static final long WRAP = 1L << 32;
    private static final long HALF = 1L << 31;

    private final Instant anchor;
    private final long anchorTicks;
    private long lastTicks;

    public RelativeTimeClock(Instant anchor, long anchorRelativeTime) {
        this.anchor = anchor;
        this.anchorTicks = anchorRelativeTime & 0xFFFFFFFFL;
        this.lastTicks = anchorTicks;
    }

    public Instant toInstant(long relativeTime) {
        long raw = relativeTime & 0xFFFFFFFFL;
        long delta = Math.floorMod(raw - lastTicks, WRAP);
        if (delta >= HALF) {
            delta -= WRAP;
        }
        lastTicks += delta;
        return anchor.plusNanos((lastTicks - anchorTicks) * NANOS_PER_TICK);
    }
}
