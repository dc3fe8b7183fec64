package org.vigil.simulator.load;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One MLLP connection of a clinic load, carrying the monitors and pumps of its share of the chairs as an HL7
 * gateway does: every device message is written when it falls due (a monitor every second, a pump every 2 s, the
 * chairs spread over the second) and its ACK awaited before the next, so a slow receiver makes messages late rather
 * than piling them up. Counts and ACK latencies are kept for the messages due in the measured window; the write
 * time of every message that may raise an alarm is handed to the {@link AlarmTriggers}.
 */
final class ClinicGateway implements Runnable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long PUMP_PERIOD_SECONDS = 2;

    /** A device message due at {@code atNanos}: second {@code second} of the run of a chair's monitor or pump. */
    private record Due(long atNanos, ClinicChair chair, boolean pump, long second) {
    }

    private final ClinicSettings settings;
    private final List<ClinicChair> chairs;
    private final ClinicMessages messages;
    private final AlarmTriggers triggers;
    private final CountDownLatch stop;
    private final Histogram ackLatencies = new Histogram(3);
    private final Histogram lateness = new Histogram(3);
    private RoundTripConnection connection;
    private long startNanos;
    private long measureFromNanos;
    private long endNanos;
    private long offered;
    private long accepted;
    private long errors;
    private long rejections;
    private long timeouts;
    private long connectionFailures;
    private long unsent;

    ClinicGateway(ClinicSettings settings, List<ClinicChair> chairs, ClinicMessages messages, AlarmTriggers triggers,
                  CountDownLatch stop) {
        this.settings = settings;
        this.chairs = chairs;
        this.messages = messages;
        this.triggers = triggers;
        this.stop = stop;
    }

    /** Opens the connection before the clock starts; a connection that fails is tried again when sending. */
    void connect() {
        try {
            connection = RoundTripConnection.open(settings.mllpHost(), settings.mllpPort(), CONNECT_TIMEOUT,
                    settings.ackTimeout());
        } catch (IOException e) {
            connectionFailures++;
        }
    }

    /** The run's clock: it starts at {@code start}, is measured from {@code measureFrom} and ends at {@code end}. */
    void schedule(long start, long measureFrom, long end) {
        this.startNanos = start;
        this.measureFromNanos = measureFrom;
        this.endNanos = end;
    }

    @Override
    public void run() {
        PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        for (ClinicChair chair : chairs) {
            long offset = SECOND * (chair.number() * 7919L % 1000) / 1000;
            queue.add(new Due(startNanos + offset, chair, false, 0));
            queue.add(new Due(startNanos + (offset + SECOND / 2) % (2 * SECOND), chair, true, 0));
        }
        try {
            while (!queue.isEmpty() && queue.peek().atNanos() < endNanos) {
                Due due = queue.poll();
                long wait = due.atNanos() - System.nanoTime();
                if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS)) {
                    return;
                }
                if (stop.getCount() == 0) {
                    return;
                }
                send(due);
                long period = due.pump() ? PUMP_PERIOD_SECONDS : 1;
                queue.add(new Due(due.atNanos() + period * SECOND, due.chair(), due.pump(), due.second() + period));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Due due) {
        boolean measured = due.atNanos() >= measureFromNanos;
        if (measured) {
            offered++;
        }
        if (connection == null || !connection.isUsable()) {
            connect();
            if (connection == null || !connection.isUsable()) {
                if (measured) {
                    unsent++;
                }
                return;
            }
        }
        ClinicMessages.Outgoing message = due.pump() ? messages.pump(due.chair(), due.second())
                : messages.monitor(due.chair(), due.second());
        try {
            RoundTrip trip = connection.send(message.controlId(), message.text());
            message.mayRaise().ifPresent(rule -> triggers.written(due.chair().chair(), rule, trip.writtenAtNanos()));
            if (measured) {
                count(due, trip);
            }
        } catch (IOException e) {
            connectionFailures++;
        }
    }

    private void count(Due due, RoundTrip trip) {
        lateness.recordValue(Math.max(0, trip.writtenAtNanos() - due.atNanos()));
        if (trip.timedOut()) {
            timeouts++;
            return;
        }
        ackLatencies.recordValue(trip.latencyNanos());
        switch (trip.ack().get()) {
            case ACCEPT -> accepted++;
            case ERROR -> errors++;
            case REJECT -> rejections++;
        }
    }

    /** Closes the connection, which makes a blocked read end at once. */
    void close() {
        RoundTripConnection current = connection;
        if (current != null) {
            current.close();
        }
    }

    /** Adds this connection's figures to {@code result}. */
    void addTo(ClinicResult.Builder result) {
        result.add(offered, accepted, errors, rejections, timeouts, connectionFailures, unsent, ackLatencies,
                lateness);
    }
}
