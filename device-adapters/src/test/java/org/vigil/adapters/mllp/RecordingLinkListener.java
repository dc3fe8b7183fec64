package org.vigil.adapters.mllp;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.adapters.transport.ConnectionListener;
import org.vigil.core.api.DeviceReport;

/** Keeps what an {@link Hl7Link} told its owner: the stored reports and the connection events, in order. */
final class RecordingLinkListener implements ConnectionListener<DeviceReport> {

    private final List<DeviceReport> stored = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void received(DeviceReport report, Instant receivedAt) {
        stored.add(report);
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

    List<DeviceReport> stored() {
        return stored;
    }

    List<String> events() {
        return events;
    }

    int count(String eventPrefix) {
        return (int) events.stream().filter(event -> event.startsWith(eventPrefix)).count();
    }
}
