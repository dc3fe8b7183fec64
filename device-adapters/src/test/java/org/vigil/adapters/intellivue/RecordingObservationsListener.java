package org.vigil.adapters.intellivue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

/** Keeps what a supervised IntelliVue connection reported: the observations and the connection events in order. */
final class RecordingObservationsListener implements ConnectionListener<DeviceObservations> {

    private final List<DeviceObservations> results = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void received(DeviceObservations result, Instant receivedAt) {
        results.add(result);
    }

    @Override
    public void connected(String detail, Instant at) {
        events.add("connected");
    }

    @Override
    public void disconnected(String reason, Instant at) {
        events.add("disconnected: " + reason);
    }

    @Override
    public void silent(Instant silentSince, Instant at) {
        events.add("silent");
    }

    @Override
    public void recovered(Instant silentSince, Instant at) {
        events.add("recovered");
    }

    @Override
    public void decodeFailed(String reason, Instant at) {
        events.add("decode failed: " + reason);
    }

    List<DeviceObservations> results() {
        return results;
    }

    List<String> events() {
        return events;
    }

    int count(String eventPrefix) {
        return (int) events.stream().filter(event -> event.startsWith(eventPrefix)).count();
    }

    /** The value of {@code vital} in the latest result, empty when none arrived or it was not available. */
    Optional<Double> latest(Vital vital) {
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
