package org.vigil.query.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vigil.simulator.load.LoadResult;

/** The benchmark's figures as Markdown tables, for BENCHMARKS.md. */
final class BenchReport {

    private final StringBuilder out = new StringBuilder();

    BenchReport line(String text) {
        out.append(text).append('\n');
        return this;
    }

    /** Throughput and ACK latency of Vigil against the baseline, one block of rows per connection count. */
    BenchReport comparison(Map<Series, LoadResult> merged, List<Integer> connectionCounts) {
        line("| connections | measure | baseline | Vigil | Vigil / baseline |");
        line("|---:|---|---:|---:|---:|");
        for (int connections : connectionCounts) {
            LoadResult baseline = merged.get(new Series(Series.Target.BASELINE, connections));
            LoadResult vigil = merged.get(new Series(Series.Target.VIGIL, connections));
            row(connections, "throughput (messages/s)", baseline, vigil, LoadResult::throughputPerSecond, "%.0f");
            row(connections, "ACK latency p50 (ms)", baseline, vigil, r -> r.latencyMillis(50), "%.2f");
            row(connections, "ACK latency p90 (ms)", baseline, vigil, r -> r.latencyMillis(90), "%.2f");
            row(connections, "ACK latency p99 (ms)", baseline, vigil, r -> r.latencyMillis(99), "%.2f");
            row(connections, "ACK latency max (ms)", baseline, vigil, LoadResult::maxLatencyMillis, "%.2f");
        }
        return this;
    }

    /**
     * Processor time the benchmark's JVM spent per answered message in each series. Unlike throughput it hardly
     * moves when other processes load the machine, so it compares runs made at different loads.
     */
    BenchReport cpu(Map<Series, LoadResult> merged, Map<Series, Long> cpuNanos, List<Integer> connectionCounts) {
        line("| connections | baseline (µs CPU / message) | Vigil (µs CPU / message) | Vigil / baseline |");
        line("|---:|---:|---:|---:|");
        for (int connections : connectionCounts) {
            Series baseline = new Series(Series.Target.BASELINE, connections);
            Series vigil = new Series(Series.Target.VIGIL, connections);
            double baselineCost = cpuNanos.get(baseline) / 1e3 / Math.max(1, merged.get(baseline).answered());
            double vigilCost = cpuNanos.get(vigil) / 1e3 / Math.max(1, merged.get(vigil).answered());
            line(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |", connections, baselineCost, vigilCost,
                    vigilCost / baselineCost));
        }
        return this;
    }

    /**
     * Processor time of the thread that stores Vigil's groups, per answered message, and the share of each series'
     * time it was busy ({@link StoringThread}): a share near 1 means that thread, not the machine, set the pace.
     */
    BenchReport storingThread(Map<Series, LoadResult> merged, Map<Series, Long> storingNanos,
                              List<Integer> connectionCounts) {
        line("| connections | storing thread (µs CPU / message) | storing thread busy (share of the series) |");
        line("|---:|---:|---:|");
        for (int connections : connectionCounts) {
            Series vigil = new Series(Series.Target.VIGIL, connections);
            LoadResult result = merged.get(vigil);
            long nanos = storingNanos.getOrDefault(vigil, 0L);
            line(String.format(Locale.ROOT, "| %d | %.0f | %.2f |", connections,
                    nanos / 1e3 / Math.max(1, result.answered()), (double) nanos / result.elapsed().toNanos()));
        }
        return this;
    }

    /** How throughput grows from the fewest to the most connections, for each target. */
    BenchReport scaling(Map<Series, LoadResult> merged, int fewest, int most) {
        line("| throughput ×" + most + " / ×" + fewest + " | baseline | Vigil |");
        line("|---|---:|---:|");
        line(String.format(Locale.ROOT, "| ratio | %.2f | %.2f |",
                ratio(merged, Series.Target.BASELINE, most, fewest), ratio(merged, Series.Target.VIGIL, most, fewest)));
        return this;
    }

    /** Each round's throughput, so the spread between rounds shows how noisy the machine was. */
    BenchReport rounds(Map<Series, List<LoadResult>> rounds) {
        int count = rounds.values().stream().mapToInt(List::size).max().orElse(0);
        StringBuilder header = new StringBuilder("| series (messages/s) |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 1; i <= count; i++) {
            header.append(" round ").append(i).append(" |");
            rule.append("---:|");
        }
        line(header.toString());
        line(rule.toString());
        rounds.forEach((series, results) -> {
            StringBuilder row = new StringBuilder("| " + series.label() + " |");
            results.forEach(r -> row.append(String.format(Locale.ROOT, " %.0f |", r.throughputPerSecond())));
            line(row.toString());
        });
        return this;
    }

    /** What the receivers answered, summed over the measured rounds. */
    BenchReport counts(Map<Series, LoadResult> merged) {
        line("| series | answered | AA | AE | AR | timeouts | connection failures |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        merged.forEach((series, r) -> line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |",
                series.label(), r.answered(), r.accepted(), r.errors(), r.rejections(), r.timeouts(),
                r.connectionFailures())));
        return this;
    }

    BenchReport alarms(List<AlarmLatencies> series) {
        line("| while | probes | alarm on screen p50 (ms) | p99 (ms) | max (ms) | ACK p50 (ms) | no alarm within 10 s |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        for (AlarmLatencies a : series) {
            line(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |", a.label(),
                    a.toScreen().getTotalCount(), a.screenMillis(50), a.screenMillis(99),
                    a.toScreen().getMaxValue() / 1e6, a.ackMillis(50), a.missed()));
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void row(int connections, String measure, LoadResult baseline, LoadResult vigil,
                     ToDoubleFunction<LoadResult> metric, String format) {
        double b = metric.applyAsDouble(baseline);
        double v = metric.applyAsDouble(vigil);
        line(String.format(Locale.ROOT, "| %d | %s | " + format + " | " + format + " | %.2f |", connections, measure,
                b, v, b == 0 ? Double.NaN : v / b));
    }

    private static double ratio(Map<Series, LoadResult> merged, Series.Target target, int most, int fewest) {
        return merged.get(new Series(target, most)).throughputPerSecond()
                / merged.get(new Series(target, fewest)).throughputPerSecond();
    }
}
