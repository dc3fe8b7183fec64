package org.vigil.query.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.springframework.util.FileSystemUtils;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.chairs.ChairReplay;
import org.vigil.query.chairs.ChairsProjection;

/**
 * What a medical director's review costs on a three-hour session, in one run on one machine: a clinic's history of
 * {@value #EVENTS} events ({@link ClinicHistory}: sessions of three hours, a monitor message every second) is written
 * straight through the storage engine into a fresh embedded store, then over HTTP on loopback, one request at a
 * time (no device is configured, so the replay reads the session's stream alone, and the alarm ticker is held back so
 * that nothing is decided on the history while it is written):
 * <ol>
 * <li>{@code GET /api/sessions/{id}/timeline?at=} at {@value #REQUESTS} moments drawn at random across an ended
 * session, after the first request (which reads and folds the session's stream) — the replay from checkpoints;</li>
 * <li>the same first request on {@value #COLD_SESSIONS} other sessions, each read from the store for the first
 * time — what the timeline would cost on every call without the kept fold;</li>
 * <li>{@code GET /api/sessions/{id}/review}, the review page's data, on sessions read for the first time and
 * again;</li>
 * <li>the baseline, {@code GET /api/chairs} (the live view, in memory) the same number of times;</li>
 * <li>in process, without HTTP: the replay at random moments against the live view's {@code all()}, in wall time
 * and in the calling thread's CPU time, which a busy machine does not inflate.</li>
 * </ol>
 * Not a test: {@code ./mvnw -o -q -pl query-service -am -Pbench-review verify -DskipTests}. Prints Markdown for
 * BENCHMARKS.md.
 */
public final class ReviewBenchmark {

    private static final long EVENTS = 300_000;
    private static final int WARM_UP = 100;
    private static final int REQUESTS = 1_000;
    private static final int COLD_SESSIONS = 10;

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("vigil-review-bench");
        Instant began = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = Machine.loadAverage();
        List<String> report = new ArrayList<>();
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.addAll(List.of("--server.address=127.0.0.1", RunningVigil.dataDirectory(root),
                "--logging.level.root=WARN", "--vigil.alarms.tick-ms=" + Duration.ofDays(1).toMillis()));
        arguments.addAll(RunningVigil.demoUsers());
        arguments.addAll(ClinicHistory.chairs());
        try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { })) {
            long written = ClinicHistory.write(vigil, EVENTS, began);
            vigil.awaitReadModels(Duration.ofMinutes(20));
            String session = "bench-0";
            Instant start = Instant.parse(vigil.get("/api/sessions/" + session, "director").path("summary")
                    .path("startedAt").asText());
            Random random = new Random(13);
            IntFunction<String> anyMoment = i -> "/api/sessions/" + session + "/timeline?at="
                    + start.plusMillis((long) (random.nextDouble() * ClinicHistory.SESSION.toMillis()));

            long first = time(vigil, anyMoment.apply(0));
            measure(vigil, WARM_UP, anyMoment);
            long[] timeline = measure(vigil, REQUESTS, anyMoment);
            long[] cold = measure(vigil, COLD_SESSIONS, i -> "/api/sessions/bench-" + (i + 1) + "/timeline?at="
                    + start.plus(ClinicHistory.SESSION));
            long[] reviewCold = measure(vigil, COLD_SESSIONS, i -> "/api/sessions/bench-" + (i + 1) + "/review");
            long[] reviewWarm = measure(vigil, COLD_SESSIONS, i -> "/api/sessions/bench-" + (i + 1) + "/review");
            measure(vigil, WARM_UP, i -> "/api/chairs");
            long[] chairs = measure(vigil, REQUESTS, i -> "/api/chairs");
            ChairReplay replay = vigil.context().getBean(ChairReplay.class);
            ChairsProjection live = vigil.context().getBean(ChairsProjection.class);
            Random inProcess = new Random(17);
            long[][] replayed = inProcess(REQUESTS, () -> replay.at(new SessionId(session),
                    start.plusMillis((long) (inProcess.nextDouble() * ClinicHistory.SESSION.toMillis()))));
            long[][] liveView = inProcess(REQUESTS, live::all);

            report.add("Review benchmark, " + began + ", " + Machine.describe() + ", load average before "
                    + loadBefore + ", after " + Machine.loadAverage() + ".");
            report.add("History: " + written + " events (sessions of three hours, a monitor message a second); "
                    + "one session: " + vigil.get("/api/sessions/" + session, "director")
                    .path("observationMessages").asLong() + " monitor messages.");
            report.add("");
            report.add("| request | n | p50 ms | p95 ms | max ms | p95 / baseline p95 |");
            report.add("|---|---|---|---|---|---|");
            double baseline = percentile(chairs, 95);
            report.add(row("`GET /api/chairs` (baseline, live view in memory)", chairs, baseline));
            report.add(row("`timeline?at=` random moments, session kept folded", timeline, baseline));
            report.add(row("`timeline?at=` first request on a session (reads and folds its stream)", cold,
                    baseline));
            report.add(row("`/review` first request on a session", reviewCold, baseline));
            report.add(row("`/review` again", reviewWarm, baseline));
            report.add("");
            report.add("In process, without HTTP, wall time and the calling thread's CPU time (the CPU time does not "
                    + "count the time the thread waited for a core):");
            report.add("");
            report.add("| call | n | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms |");
            report.add("|---|---|---|---|---|---|");
            report.add(cpuRow("`ChairsProjection.all()` (baseline, the live view)", liveView));
            report.add(cpuRow("`ChairReplay.at(session, moment)`, random moments", replayed));
            report.add("");
            report.add(String.format(Locale.ROOT, "First timeline request on the measured session: %.1f ms.",
                    first / 1e6));
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
        System.out.println();
        report.forEach(System.out::println);
        // the application's non-daemon threads outlive its context; the measurement is over
        System.exit(0);
    }

    private static long[] measure(RunningVigil vigil, int requests, IntFunction<String> path) {
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            nanos[i] = time(vigil, path.apply(i));
        }
        return nanos;
    }

    /** Wall and CPU nanoseconds of each of {@code calls} calls. */
    private static long[][] inProcess(int calls, Runnable call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        long[] wall = new long[calls];
        long[] cpu = new long[calls];
        for (int i = 0; i < calls; i++) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long before = System.nanoTime();
            call.run();
            wall[i] = System.nanoTime() - before;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
        }
        return new long[][] {wall, cpu};
    }

    private static String cpuRow(String label, long[][] nanos) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |", label, nanos[0].length,
                percentile(nanos[0], 50), percentile(nanos[0], 95), percentile(nanos[1], 50),
                percentile(nanos[1], 95));
    }

    private static long time(RunningVigil vigil, String path) {
        long began = System.nanoTime();
        HttpResponse<String> response = vigil.send("GET", path, "director", null);
        long took = System.nanoTime() - began;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    private static String row(String label, long[] nanos, double baseline) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |", label, nanos.length,
                percentile(nanos, 50), percentile(nanos, 95), Arrays.stream(nanos).max().orElse(0) / 1e6,
                percentile(nanos, 95) / baseline);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
