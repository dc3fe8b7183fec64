package org.vigil.query.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long the benchmark measures, from system properties so the Maven profile can pass them:
 * {@code bench.rounds} alternating rounds (default 3) of {@code bench.seconds} per series (default 5), after
 * {@code bench.warmup-seconds} of warm-up for each target (default 4), and {@code bench.probes} alarm probes
 * idle and as many under load (default 20); {@code bench.connections} lists the connection counts measured, the
 * first also under the alarm probes and the last as the base of the scaling ratio (default {@code 4,1}).
 */
record BenchPlan(int rounds, Duration round, Duration warmUp, int probes, List<Integer> connections) {

    static BenchPlan fromSystemProperties() {
        return new BenchPlan(Integer.getInteger("bench.rounds", 3),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", 5)),
                Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 4)),
                Integer.getInteger("bench.probes", 20),
                Arrays.stream(System.getProperty("bench.connections", "4,1").split(","))
                        .map(String::trim).map(Integer::valueOf).toList());
    }

    /** The most connections of any series: as many load devices are bound to chairs with sessions. */
    int loadChairs() {
        return connections.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
