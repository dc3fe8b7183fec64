package org.vigil.query.bench;

import java.time.Duration;

/**
 * How long the benchmark measures, from system properties so the Maven profile can pass them:
 * {@code bench.rounds} alternating rounds (default 3) of {@code bench.seconds} per series (default 5), after
 * {@code bench.warmup-seconds} of warm-up for each target (default 4), and {@code bench.probes} alarm probes
 * idle and as many under load (default 20).
 */
record BenchPlan(int rounds, Duration round, Duration warmUp, int probes) {

    static BenchPlan fromSystemProperties() {
        return new BenchPlan(Integer.getInteger("bench.rounds", 3),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", 5)),
                Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 4)),
                Integer.getInteger("bench.probes", 20));
    }
}
