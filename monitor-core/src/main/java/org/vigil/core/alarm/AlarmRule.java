package org.vigil.core.alarm;

import java.time.Duration;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.protocol.AlarmDelays;
import org.vigil.core.protocol.AlarmThresholds;

/**
 * A named, pure alarm rule: one message's values, the patient and the clinic's thresholds in, a decision out; and
 * how long its condition must last before the alarm sounds.
 *
 * @param name  the stable name recorded as the {@code rule} of the alarm events; never rename one
 * @param delay the condition delay for a condition of a given priority, from the clinic protocol's delays
 */
record AlarmRule(String name, Evaluation evaluation, Delay delay) {

    /** A rule whose alarm sounds on the first message that meets its condition. */
    AlarmRule(String name, Evaluation evaluation) {
        this(name, evaluation, Delay.NONE);
    }

    RuleDecision evaluate(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        return evaluation.evaluate(readings, patient, thresholds);
    }

    Duration delayFor(AlarmPriority priority, AlarmDelays delays) {
        return delay.of(priority, delays);
    }

    @FunctionalInterface
    interface Evaluation {
        RuleDecision evaluate(Readings readings, PatientContext patient, AlarmThresholds thresholds);
    }

    /** Condition delay (IEC 60601-1-8 "alarm condition delay"; docs/DOMAIN.md, "Alarm behaviour"). */
    @FunctionalInterface
    interface Delay {

        Delay NONE = (priority, delays) -> Duration.ZERO;

        Duration of(AlarmPriority priority, AlarmDelays delays);
    }
}
