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
 * chairs spread over the second) and its ACK awaited before the next. A slow receiver makes messages late; a message
 * still unsent when its device's next one falls due is superseded and never sent, as a monitor reports its latest
 * values rather than a backlog, so a receiver that falls behind for a while is not buried for the rest of the run.
 * Counts and ACK latencies are kept for the messages due in the measured window; the write time of every message
 * that may raise an alarm is handed to the {@link AlarmTriggers}.
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
    private volatile long measureFromNanos = Long.MAX_VALUE;
    private volatile long endNanos = Long.MAX_VALUE;
    private long sent;
    private long superseded;
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

    /** The first messages fall due at {@code start}; the run goes on until {@link #window(long, long)} ends it. */
    void startAt(long start) {
        this.startNanos = start;
    }

    /** The run is measured from {@code measureFrom} and ends at {@code end}; may be called while it runs. */
    void window(long measureFrom, long end) {
        this.measureFromNanos = measureFrom;
        this.endNanos = end;
    }

    @Override
    public void run() {
        PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        for (ClinicChair chair : chairs) {
            queue.add(new Due(startNanos + monitorOffset(chair), chair, false, 0));
            queue.add(new Due(startNanos + pumpOffset(chair), chair, true, 0));
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
                long period = due.pump() ? PUMP_PERIOD_SECONDS : 1;
                long next = due.atNanos() + period * SECOND;
                if (System.nanoTime() < next) {
                    send(due);
                } else if (due.atNanos() >= measureFromNanos) {
                    superseded++;
                }
                queue.add(new Due(next, due.chair(), due.pump(), due.second() + period));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Due due) {
        boolean measured = due.atNanos() >= measureFromNanos;
        if (measured) {
            sent++;
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
        long offered = 0;
        for (ClinicChair chair : chairs) {
            offered += dueIn(startNanos + monitorOffset(chair), SECOND);
            offered += dueIn(startNanos + pumpOffset(chair), PUMP_PERIOD_SECONDS * SECOND);
        }
        result.add(offered, sent, superseded, accepted, errors, rejections, timeouts, connectionFailures, unsent,
                ackLatencies, lateness);
    }

    /** How many of the times {@code first}, {@code first + period}, … fall in the measured window. */
    private long dueIn(long first, long period) {
        return Math.max(0, firstIndexFrom(first, period, endNanos) - firstIndexFrom(first, period, measureFromNanos));
    }

    private static long firstIndexFrom(long first, long period, long at) {
        return at <= first ? 0 : (at - first + period - 1) / period;
    }

    /** Chairs spread over the second, so that a clinic's messages do not all fall due at once. */
    private static long monitorOffset(ClinicChair chair) {
        return SECOND * (chair.number() * 7919L % 1000) / 1000;
    }

    private static long pumpOffset(ClinicChair chair) {
        return (monitorOffset(chair) + SECOND / 2) % (2 * SECOND);
    }
}
