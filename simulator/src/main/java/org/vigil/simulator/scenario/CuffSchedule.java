package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;
import org.vigil.simulator.patient.VitalSign;

/**
 * Merges the regular cadence with a scenario's extra cuff cycles and, when a reading first leaves the
 * monitor's NIBP limits, an immediate confirming cycle (docs/DOMAIN.md: "plus an immediate confirming reading
 * when a threshold is crossed"). The limits are the monitor's own: SBP &gt; 180, DBP &gt; 110 or SBP &lt; 90
 * (docs/DOMAIN.md alarm table).
 */
final class CuffSchedule implements Iterator<CuffReading> {

    /** How long one automatic cuff cycle takes to inflate, measure and report. */
    static final Duration CONFIRMATION_DELAY = Duration.ofSeconds(30);

    private final Iterator<Duration> cadence;
    private final PriorityQueue<Duration> pending;
    private final Function<Duration, CuffReading> measure;
    private final boolean confirmsCrossings;
    private Duration nextRegular;
    private boolean lastOutOfLimits;

    CuffSchedule(Iterator<Duration> cadence, List<Duration> extraCycles,
            Function<Duration, CuffReading> measure, boolean confirmsCrossings) {
        this.cadence = cadence;
        this.pending = new PriorityQueue<>(extraCycles);
        this.measure = measure;
        this.confirmsCrossings = confirmsCrossings;
        this.nextRegular = cadence.hasNext() ? cadence.next() : null;
    }

    static CuffSchedule regular(List<Duration> extraCycles, Function<Duration, CuffReading> measure) {
        return new CuffSchedule(new CuffCadence(), extraCycles, measure, true);
    }

    static CuffSchedule only(List<Duration> cycles, Function<Duration, CuffReading> measure) {
        return new CuffSchedule(Collections.emptyIterator(), cycles, measure, false);
    }

    @Override
    public boolean hasNext() {
        return nextRegular != null || !pending.isEmpty();
    }

    @Override
    public CuffReading next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Duration at = takeEarliest();
        CuffReading reading = measure.apply(at);
        boolean outOfLimits = outOfLimits(reading);
        if (confirmsCrossings && outOfLimits && !lastOutOfLimits) {
            pending.add(at.plus(CONFIRMATION_DELAY));
        }
        lastOutOfLimits = outOfLimits;
        return reading;
    }

    private Duration takeEarliest() {
        Duration extra = pending.peek();
        if (nextRegular == null || (extra != null && extra.compareTo(nextRegular) < 0)) {
            return pending.poll();
        }
        Duration at = nextRegular;
        nextRegular = cadence.hasNext() ? cadence.next() : null;
        while (at.equals(pending.peek())) {
            pending.poll();
        }
        return at;
    }

    static boolean outOfLimits(CuffReading reading) {
        int systolic = reading.value(VitalSign.NIBP_SYSTOLIC).orElse(120);
        int diastolic = reading.value(VitalSign.NIBP_DIASTOLIC).orElse(80);
        return systolic > 180 || diastolic > 110 || systolic < 90;
    }
}
