package org.vigil.adapters.transport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a transport reported, for assertions from the test thread. */
final class RecordingTransportListener implements TransportListener {

    record Change(TransportState state, String detail, long nanoTime) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    @Override
    public synchronized void stateChanged(TransportState state, String detail) {
        changes.add(new Change(state, detail, System.nanoTime()));
    }

    @Override
    public synchronized void received(byte[] chunk) {
        received.writeBytes(chunk);
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    synchronized List<TransportState> states() {
        return changes.stream().map(Change::state).toList();
    }

    synchronized TransportState lastState() {
        return changes.isEmpty() ? null : changes.get(changes.size() - 1).state();
    }

    synchronized long count(TransportState state) {
        return changes.stream().filter(change -> change.state() == state).count();
    }

    synchronized List<String> details(TransportState state) {
        return changes.stream().filter(change -> change.state() == state).map(Change::detail).toList();
    }

    synchronized String lastDetail(TransportState state) {
        return changes.stream().filter(change -> change.state() == state).reduce((a, b) -> b)
                .map(Change::detail).orElse(null);
    }

    synchronized byte[] receivedBytes() {
        return received.toByteArray();
    }

    synchronized void forgetReceived() {
        received.reset();
    }
}
