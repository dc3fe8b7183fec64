package org.vigil.core.alarm;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

/**
 * The available values of one device message, by vital. A value the device reported as not available is absent,
 * so a physiological rule treats it like a value the message did not carry; the technical rules ask for it with
 * {@link #notAvailable(Vital)}.
 */
final class Readings {

    private final Map<Vital, Double> values;
    private final Set<Vital> notAvailable;

    private Readings(Map<Vital, Double> values, Set<Vital> notAvailable) {
        this.values = values;
        this.notAvailable = notAvailable;
    }

    static Readings of(List<Observation> observations) {
        Map<Vital, Double> values = new EnumMap<>(Vital.class);
        Set<Vital> notAvailable = EnumSet.noneOf(Vital.class);
        for (Observation observation : observations) {
            observation.vital().ifPresent(vital -> {
                if (observation.available()) {
                    values.put(vital, observation.value());
                    notAvailable.remove(vital);
                } else if (!values.containsKey(vital)) {
                    notAvailable.add(vital);
                }
            });
        }
        return new Readings(values, notAvailable);
    }

    Optional<Double> get(Vital vital) {
        return Optional.ofNullable(values.get(vital));
    }

    /** The message carries the vital, but the device reported it as not available. */
    boolean notAvailable(Vital vital) {
        return notAvailable.contains(vital);
    }

    /** The message carries the vital, with a value or as not available. */
    boolean carries(Vital vital) {
        return values.containsKey(vital) || notAvailable.contains(vital);
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
