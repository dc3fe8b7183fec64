package org.vigil.core.alarm;

import java.time.Duration;
import java.time.Instant;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.protocol.NibpCadence;

/**
 * The technical alarm "NIBP stale" (docs/DOMAIN.md, "Vital signs": a reading older than its cadence + 50 % is stale):
 * a pure function of the cadence, the start the cadence counts from (dosing, else the session), the last cuff
 * reading and the time. Before the first reading, the start stands for it: a session whose cuff never measures is
 * stale as soon as one interval plus the margin has passed. A failed measurement is not a reading.
 */
final class NibpStaleRule {

    /** The stable name recorded as the alarm's rule; never rename it. */
    static final String NAME = "nibp-stale";

    /**
     * LOW, awareness (IEC 60601-1-8): nothing is known to be wrong with the patient, but the blood pressure the
     * clinic's cadence asks for is missing; a nurse takes one by hand or fixes the cuff.
     */
    static final AlarmPriority PRIORITY = AlarmPriority.LOW;

    private NibpStaleRule() {
    }

    /** Stale from {@code since}, or normal. */
    record Staleness(RuleDecision decision, Instant since) {
    }

    static Staleness decide(NibpCadence cadence, Instant start, Instant lastReading, Instant now) {
        Instant reference = lastReading != null ? lastReading : start;
        Instant staleAfter = cadence.staleAfter(start, reference);
        if (!now.isAfter(staleAfter)) {
            return new Staleness(RuleDecision.NORMAL, null);
        }
        long minutes = Duration.between(reference, now).toMinutes();
        long every = cadence.intervalAfter(start, reference).toMinutes();
        String message = (lastReading != null ? "last blood pressure " + minutes + " min ago"
                : "no blood pressure in the " + minutes + " min since the start") + ", due every " + every + " min";
        return new Staleness(new Condition(PRIORITY, AlarmKind.TECHNICAL, message, null), staleAfter);
    }
}
