package org.vigil.adapters.intellivue;

import java.util.List;
import java.util.Optional;
import org.vigil.adapters.transport.LinkRecorder;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

/** Keeps what a supervised IntelliVue connection reported: the observations and the connection events in order. */
final class RecordingObservationsListener extends LinkRecorder<DeviceObservations> {

    /** The value of {@code vital} in the latest result, empty when none arrived or it was not available. */
    Optional<Double> latest(Vital vital) {
        List<DeviceObservations> results = results();
        if (results.isEmpty()) {
            return Optional.empty();
        }
        return value(results.get(results.size() - 1), vital);
    }

    static Optional<Double> value(DeviceObservations observations, Vital vital) {
        return observations.observations().stream()
                .filter(observation -> observation.vital().equals(Optional.of(vital)))
                .map(Observation::value)
                .filter(value -> value != null)
                .findFirst();
    }
}
