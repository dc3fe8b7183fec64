package org.vigil.query.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.RunningVigil;

/**
 * How long the integration tests' application takes to start and to stop, in the JVM the tests run in (the
 * Failsafe JVM's options): {@code bench.startups} times (default 14) on an empty store each, one after the other.
 * Not part of the build (its name is not a test's); run it with
 * {@code ./mvnw -o -B -ntp -pl query-service -am verify -Djazzer.skip=true -Dtest=none -Dit.test=StartStopTimes
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. The first start loads the
 * classes; the others are what most of the suite's starts cost.
 */
class StartStopTimes {

    @TempDir
    Path data;

    @Test
    void startAndStopTheApplication() {
        int startups = Integer.getInteger("bench.startups", 14);
        List<Duration> starts = new ArrayList<>();
        List<Duration> stops = new ArrayList<>();
        long cpuAfterFirst = 0;
        for (int i = 0; i < startups; i++) {
            if (i == 1) {
                cpuAfterFirst = processCpuNanos();
            }
            long begun = System.nanoTime();
            RunningVigil vigil = RunningVigil.start(store(i), "sim-monitor-01=chair-1");
            long started = System.nanoTime();
            vigil.close();
            long stopped = System.nanoTime();
            starts.add(Duration.ofNanos(started - begun));
            stops.add(Duration.ofNanos(stopped - started));
        }
        System.out.printf("%nStart and stop of the application, %d times in one JVM (ms):%n%n", startups);
        System.out.println("| # | start | stop |\n|---:|---:|---:|");
        for (int i = 0; i < startups; i++) {
            System.out.printf("| %d | %d | %d |%n", i + 1, starts.get(i).toMillis(), stops.get(i).toMillis());
        }
        System.out.printf("%nAfter the first: start median %d ms, stop median %d ms, the JVM's processor time %.1f s "
                + "for %d starts and stops%n", median(starts.subList(1, startups)), median(stops.subList(1, startups)),
                (processCpuNanos() - cpuAfterFirst) / 1e9, startups - 1);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private Path store(int i) {
        try {
            return Files.createDirectories(data.resolve("store-" + i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long median(List<Duration> durations) {
        return durations.stream().mapToLong(Duration::toMillis).sorted().skip(durations.size() / 2).findFirst()
                .orElse(0);
    }
}
