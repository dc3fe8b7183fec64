package org.vigil.core.api;

import java.util.Optional;

/**
 * The blood pressure a monitor's cuff measured, as a message of observations carries it: its systolic and diastolic
 * values, rounded to whole mmHg. A message holds one when it carries both, available; the last of each counts.
 */
public record CuffPressure(int systolic, int diastolic) {

    /** The cuff reading {@code event} carries, if it carries both values. */
    public static Optional<CuffPressure> in(ObservationsRecordedEvent event) {
        Double systolic = null;
        Double diastolic = null;
        for (Observation observation : event.observations()) {
            Vital vital = observation.available() ? observation.vital().orElse(null) : null;
            if (vital == Vital.NIBP_SYSTOLIC) {
                systolic = observation.value();
            } else if (vital == Vital.NIBP_DIASTOLIC) {
                diastolic = observation.value();
            }
        }
        return systolic == null || diastolic == null ? Optional.empty()
                : Optional.of(new CuffPressure((int) Math.round(systolic), (int) Math.round(diastolic)));
    }
}
