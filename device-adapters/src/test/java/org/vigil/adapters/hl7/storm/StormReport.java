package org.vigil.adapters.hl7.storm;

import org.HdrHistogram.Histogram;
import org.vigil.adapters.hl7.MllpConnectionGuard;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The storm's figures as Markdown: ACK latency quiet and in the storm, their ratio, the caps' work, the heap. */
final class StormReport {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private StormReport() {
    }

    static String render(Duration phase, PacedDevice.Measured quiet, PacedDevice.Measured stormy,
                         MllpConnectionGuard connections, long heapBefore, long heapDuring, String traffic) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n### MLLP storm, %s, %d CPUs, Java %s, %d s per phase%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                phase.toSeconds()));
        out.append("| ACK latency (ms) | quiet | storm | storm / quiet |\n|---|---:|---:|---:|\n");
        for (double percentile : PERCENTILES) {
            row(out, "p" + trim(percentile), millis(quiet.latencies(), percentile),
                    millis(stormy.latencies(), percentile));
        }
        row(out, "max", quiet.latencies().getMaxValue() / 1e6, stormy.latencies().getMaxValue() / 1e6);
        out.append(String.format(Locale.ROOT, "| messages answered AA | %d | %d | |%n", quiet.accepted(),
                stormy.accepted()));
        out.append(String.format(Locale.ROOT, "| messages not answered AA | %d | %d | |%n%n", quiet.notAccepted(),
                stormy.notAccepted()));
        out.append(String.format(Locale.ROOT, "Connections: peak open %d (cap %d, %d per address), refused %d, "
                        + "closed idle %d, open at the end %d.%n", connections.peakOpen(),
                connections.limits().maxConnections(), connections.limits().maxPerAddress(), connections.refused(),
                connections.closedIdle(), connections.open()));
        out.append(String.format(Locale.ROOT, "Heap used after GC: %.1f MiB before the storm, %.1f MiB in it "
                        + "(max heap %.0f MiB).%n", heapBefore / 1048576.0, heapDuring / 1048576.0,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1048576.0));
        out.append(traffic).append(".\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String label, double quiet, double stormy) {
        out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", label, quiet, stormy,
                quiet > 0 ? stormy / quiet : Double.NaN));
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static String trim(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }
}
