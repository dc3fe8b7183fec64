package org.vigil.core.alarm;

import org.vigil.core.protocol.AlarmThresholds;

/**
 * A named, pure alarm rule: one message's values, the patient and the clinic's thresholds in, a decision out.
 *
 * @param name the stable name recorded as the {@code rule} of the alarm events; never rename one
 */
record AlarmRule(String name, Evaluation evaluation) {

    RuleDecision evaluate(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        return evaluation.evaluate(readings, patient, thresholds);
    }

    @FunctionalInterface
    interface Evaluation {
        RuleDecision evaluate(Readings readings, PatientContext patient, AlarmThresholds thresholds);
    }
}
