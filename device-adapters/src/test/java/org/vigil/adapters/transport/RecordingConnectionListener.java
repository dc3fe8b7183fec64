package org.vigil.adapters.transport;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a {@link SupervisedConnection} reported, as short readable lines, plus the results. */
final class RecordingConnectionListener<R> implements ConnectionListener<R> {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<R> results = new CopyOnWriteArrayList<>();
    private final List<Instant> receivedAt = new CopyOnWriteArrayList<>();

    @Override
    public void received(R result, Instant at) {
        results.add(result);
        receivedAt.add(at);
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
        events.add("silent since " + silentSince + " at " + at);
    }

    @Override
    public void recovered(Instant silentSince, Instant at) {
        events.add("recovered at " + at);
    }

    @Override
    public void decodeFailed(String reason, Instant at) {
        events.add("decode failed: " + reason);
    }

    List<String> events() {
        return events;
    }

    List<R> results() {
        return results;
    }

    List<Instant> receivedAt() {
        return receivedAt;
    }
}
