package org.vigil.adapters.hl7;

import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store kept in memory that de-duplicates by message key, as the application does. It can hold its
 * answers until the test releases them, and it can fail.
 */
final class InMemorySink implements DeviceReportSink {

    private final Map<MessageKey, DeviceReport> stored = new ConcurrentHashMap<>();
    private final List<DeviceReport> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
    private volatile boolean holding;
    private volatile String failure;

    @Override
    public CompletionStage<RecordOutcome> record(DeviceReport report) {
        received.add(report);
        CompletableFuture<RecordOutcome> outcome = new CompletableFuture<>();
        Runnable commit = () -> {
            if (failure != null) {
                outcome.completeExceptionally(new IllegalStateException(failure));
            } else {
                boolean first = stored.putIfAbsent(report.messageKey(), report) == null;
                outcome.complete(first ? RecordOutcome.RECORDED : RecordOutcome.DUPLICATE);
            }
        };
        if (holding) {
            held.add(commit);
        } else {
            commit.run();
        }
        return outcome;
    }

    void holdCommits() {
        holding = true;
    }

    /** Commits the oldest held message. */
    void commitNext() {
        Runnable next = held.poll();
        if (next == null) {
            throw new IllegalStateException("nothing is held");
        }
        next.run();
    }

    /** Commits what is held and every later message at once. */
    void stopHolding() {
        holding = false;
        for (Runnable next = held.poll(); next != null; next = held.poll()) {
            next.run();
        }
    }

    int heldCount() {
        return held.size();
    }

    void failWith(String message) {
        failure = message;
    }

    void stopFailing() {
        failure = null;
    }

    List<DeviceReport> received() {
        return List.copyOf(received);
    }

    Map<MessageKey, DeviceReport> stored() {
        return Map.copyOf(stored);
    }
}
