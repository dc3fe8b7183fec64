package org.vigil.core.alarm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

/**
 * The available values of one device message, by vital. A value the device reported as not available is absent,
 * so a rule treats it like a value the message did not carry.
 */
final class Readings {

    private final Map<Vital, Double> values;

    private Readings(Map<Vital, Double> values) {
        this.values = values;
    }

    static Readings of(List<Observation> observations) {
        Map<Vital, Double> values = new EnumMap<>(Vital.class);
        for (Observation observation : observations) {
            if (observation.available()) {
                observation.vital().ifPresent(vital -> values.put(vital, observation.value()));
            }
        }
        return new Readings(values);
    }

    Optional<Double> get(Vital vital) {
        return Optional.ofNullable(values.get(vital));
    }

    /** The ECG heart rate when the message has one, else the oximeter's pulse rate. */
    Optional<HeartRate> heartRate() {
        return get(Vital.HEART_RATE).map(v -> new HeartRate("HR", v))
                .or(() -> get(Vital.PULSE_RATE).map(v -> new HeartRate("PR", v)));
    }

    /** A heart rate and where it came from, so the alarm message says which one a nurse should look at. */
    record HeartRate(String label, double value) {
    }
}
