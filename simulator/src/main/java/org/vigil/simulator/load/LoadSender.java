package org.vigil.simulator.load;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One connection of a load run, on its own thread: sends the next message as soon as the previous one is
 * answered, until the deadline, the message budget or a stop. Its counts are read only after its thread ended.
 */
final class LoadSender implements Runnable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long RECONNECT_PAUSE_MILLIS = 100;

    private final LoadSettings settings;
    private final LoadMessages messages;
    private final MessageBudget budget;
    private final CountDownLatch stop;
    private final LoadListener listener;
    private final Histogram latencies = new Histogram(3);
    private final List<String> addresses;
    private volatile RoundTripConnection connection;
    private int target;
    private long deadline;
    private long accepted;
    private long errors;
    private long rejections;
    private long timeouts;
    private long connectionFailures;
    private long firstWrite = Long.MAX_VALUE;
    private long lastAnswer = Long.MIN_VALUE;

    LoadSender(LoadSettings settings, LoadMessages messages, MessageBudget budget, CountDownLatch stop,
               LoadListener listener) {
        this.settings = settings;
        this.messages = messages;
        this.budget = budget;
        this.stop = stop;
        this.listener = listener;
        this.addresses = settings.addresses();
    }

    /**
     * Opens the connection ahead of the run, so no message waits for a handshake; a failure is retried later, on
     * the next address when there are standbys.
     */
    void connect() {
        String address = addresses.get(target);
        int colon = address.lastIndexOf(':');
        try {
            connection = RoundTripConnection.open(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)), CONNECT_TIMEOUT, settings.ackTimeout());
        } catch (IOException e) {
            connectionFailures++;
            target = (target + 1) % addresses.size();
        }
    }

    /** Sends until {@link System#nanoTime()} reaches {@code deadlineNanos}. */
    void sendUntil(long deadlineNanos) {
        this.deadline = deadlineNanos;
    }

    @Override
    public void run() {
        long sequence = 0;
        while (stop.getCount() > 0 && System.nanoTime() < deadline) {
            RoundTripConnection current = connection;
            if (current == null || !current.isUsable()) {
                reconnect();
                continue;
            }
            if (!budget.take()) {
                return;
            }
            String controlId = messages.controlId(sequence);
            String message = messages.message(controlId, sequence);
            sequence++;
            long sendingAt = System.nanoTime();
            try {
                RoundTrip trip = current.send(controlId, message);
                count(trip);
                listener.answered(messages.device(), controlId, trip);
            } catch (IOException e) {
                connectionFailures++;
                listener.answered(messages.device(), controlId,
                        new RoundTrip(Optional.empty(), sendingAt, System.nanoTime()));
            }
        }
    }

    /** Closes the connection, which makes a blocked read end at once. */
    void close() {
        RoundTripConnection current = connection;
        if (current != null) {
            current.close();
        }
    }

    LoadResult result() {
        long elapsed = lastAnswer >= firstWrite ? lastAnswer - firstWrite : 0;
        return new LoadResult(1, Duration.ofNanos(elapsed), accepted, errors, rejections, timeouts,
                connectionFailures, latencies);
    }

    long firstWrite() {
        return firstWrite;
    }

    long lastAnswer() {
        return lastAnswer;
    }

    private void count(RoundTrip trip) {
        firstWrite = Math.min(firstWrite, trip.writtenAtNanos());
        lastAnswer = Math.max(lastAnswer, trip.answeredAtNanos());
        if (trip.timedOut()) {
            timeouts++;
            return;
        }
        latencies.recordValue(trip.latencyNanos());
        switch (trip.ack().get()) {
            case ACCEPT -> accepted++;
            case ERROR -> errors++;
            case REJECT -> rejections++;
        }
    }

    private void reconnect() {
        connect();
        if (connection == null || !connection.isUsable()) {
            try {
                stop.await(RECONNECT_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.countDown();
            }
        }
    }
}
