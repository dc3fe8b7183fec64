package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.vigil.simulator.patient.VitalSign;

/**
 * A deterministic departure from the patient's own course: between {@code onsetStart} and {@code onsetEnd}
 * the values move linearly to their targets, hold until {@code plateauEnd}, and return to the patient's
 * course by {@code recoveryEnd}. Targets are keyed by {@link VitalSign#HEART_RATE} (which also drives both
 * pulse rates), {@link VitalSign#SPO2}, {@link VitalSign#RESPIRATORY_RATE}, {@link VitalSign#NIBP_SYSTOLIC}
 * and {@link VitalSign#NIBP_DIASTOLIC}.
 */
record Excursion(Duration onsetStart, Duration onsetEnd, Duration plateauEnd, Duration recoveryEnd,
        Map<VitalSign, Double> targets) {

    Excursion {
        targets = Map.copyOf(targets);
    }

    Optional<Double> target(VitalSign vital) {
        return Optional.ofNullable(targets.get(vital));
    }

    /** How far the value has moved toward the target: 0 (the patient's course) to 1 (the target). */
    double weightAt(Duration t) {
        if (t.compareTo(onsetStart) < 0 || t.compareTo(recoveryEnd) >= 0) {
            return 0;
        }
        if (t.compareTo(onsetEnd) < 0) {
            return fraction(onsetStart, onsetEnd, t);
        }
        if (t.compareTo(plateauEnd) < 0) {
            return 1;
        }
        return 1 - fraction(plateauEnd, recoveryEnd, t);
    }

    double blend(VitalSign vital, double course, Duration t) {
        return target(vital).map(target -> {
            double weight = weightAt(t);
            return (1 - weight) * course + weight * target;
        }).orElse(course);
    }

    private static double fraction(Duration from, Duration to, Duration t) {
        return (t.toMillis() - from.toMillis()) / (double) (to.toMillis() - from.toMillis());
    }
}
