package org.vigil.adapters.transport;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a device link told its owner: the results and the connection events, in order. */
public class LinkRecorder<R> implements ConnectionListener<R> {

    private final List<R> results = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void received(R result, Instant receivedAt) {
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

    public List<R> results() {
        return results;
    }

    public List<String> events() {
        return events;
    }

    public int count(String eventPrefix) {
        return (int) events.stream().filter(event -> event.startsWith(eventPrefix)).count();
    }
}
