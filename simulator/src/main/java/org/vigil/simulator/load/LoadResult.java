package org.vigil.simulator.load;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured. {@code accepted}, {@code errors} and {@code rejections} count ACKs with MSA-1 AA,
 * AE and AR; {@code timeouts} messages that got no ACK in time; {@code connectionFailures} connections that
 * could not be opened or were lost. {@code latencies} holds the round trip, in nanoseconds, of every answered
 * message (AA, AE and AR alike); timeouts are counted, not timed. {@code elapsed} runs from the first message
 * written to the last answer read.
 */
public record LoadResult(int connections, Duration elapsed, long accepted, long errors, long rejections,
        long timeouts, long connectionFailures, Histogram latencies) {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    public LoadResult {
        latencies = latencies.copy();
    }

    /** A copy: the result itself does not change. */
    @Override
    public Histogram latencies() {
        return latencies.copy();
    }

    /** Messages that got an ACK of any kind. */
    public long answered() {
        return accepted + errors + rejections;
    }

    /** Answered messages per second of {@link #elapsed()}. */
    public double throughputPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : answered() * 1e9 / nanos;
    }

    /** The round trip at or below which {@code percentile} percent of the answered messages came back, in ms. */
    public double latencyMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / NANOS_PER_MILLI;
    }

    public double maxLatencyMillis() {
        return latencies.getMaxValue() / NANOS_PER_MILLI;
    }

    /** True when every message sent was accepted and every connection held. */
    public boolean allAccepted() {
        return errors == 0 && rejections == 0 && timeouts == 0 && connectionFailures == 0 && accepted > 0;
    }

    /** This run and {@code other} as one: counts and elapsed times added, latencies merged. */
    public LoadResult plus(LoadResult other) {
        Histogram merged = latencies.copy();
        merged.add(other.latencies);
        return new LoadResult(Math.max(connections, other.connections), elapsed.plus(other.elapsed),
                accepted + other.accepted, errors + other.errors, rejections + other.rejections,
                timeouts + other.timeouts, connectionFailures + other.connectionFailures, merged);
    }

    public String summary() {
        return String.format(Locale.ROOT, "%d connection(s), %.1f s: %d answered (AA %d, AE %d, AR %d), "
                        + "%d timeout(s), %d connection failure(s); %.0f messages/s; ACK latency ms p50 %.2f, "
                        + "p90 %.2f, p99 %.2f, max %.2f",
                connections, elapsed.toNanos() / 1e9, answered(), accepted, errors, rejections, timeouts,
                connectionFailures, throughputPerSecond(), latencyMillis(50), latencyMillis(90),
                latencyMillis(99), maxLatencyMillis());
    }
}
