package org.vigil.query.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.vigil.adapters.hl7.Hl7Counters;
import org.vigil.simulator.load.LoadGenerator;
import org.vigil.simulator.load.LoadResult;
import org.vigil.simulator.load.LoadSettings;

/**
 * Measures what storing costs on the ingest path, in one run on one machine: the same PCD-01 load (the
 * simulator's {@link LoadGenerator}: connections sending back to back, each message when the previous ACK
 * arrived) against the baseline — the device adapters' MLLP listener with a sink that stores nothing — and
 * against the whole application, whose ACK waits for the Session aggregate, the event store commit and the
 * alarm decisions (docs/DESIGN.md, principle 3). Rounds alternate between the two, in alternating order, so the
 * noise of a shared machine falls on both; the figures that matter are the ratios. Then it times alarms from
 * the socket to the nurses' live stream, idle and under load.
 * <p>
 * Not a test: run it with {@code ./mvnw -o -q -pl query-service -am -Pbench verify -DskipTests}. It prints
 * Markdown for BENCHMARKS.md.
 */
public final class IngestBenchmark {

    private static final String HOST = "127.0.0.1";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final BenchPlan plan;
    private final BenchVigil vigil;
    private final BaselineReceiver baseline;
    private final Map<Series, List<LoadResult>> rounds = new LinkedHashMap<>();
    private final Map<Series, Long> cpuNanos = new LinkedHashMap<>();
    private final Map<Series, Long> storingNanos = new LinkedHashMap<>();
    private int probeChairs;

    private IngestBenchmark(BenchPlan plan, BenchVigil vigil, BaselineReceiver baseline) {
        this.plan = plan;
        this.vigil = vigil;
        this.baseline = baseline;
    }

    public static void main(String[] args) throws Exception {
        BenchPlan plan = BenchPlan.fromSystemProperties();
        Instant startedAt = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        String loadAtStart = Machine.loadAverage();
        Path data = Files.createTempDirectory("vigil-bench-");
        BenchReport report = new BenchReport();
        long vigilStart = System.nanoTime();
        try (BenchVigil vigil = BenchVigil.start(data, devices(plan));
             BaselineReceiver baseline = new BaselineReceiver()) {
            double startSeconds = (System.nanoTime() - vigilStart) / 1e9;
            IngestBenchmark benchmark = new IngestBenchmark(plan, vigil, baseline);
            for (int chair = 1; chair <= plan.loadChairs(); chair++) {
                vigil.startSession(chairName(chair));
            }
            report.line("## Ingest benchmark, " + startedAt)
                    .line("")
                    .line("Machine: " + Machine.describe() + ".")
                    .line(String.format(Locale.ROOT, "Vigil started in %.1f s. %d alternating rounds of %d s per "
                                    + "series after %d s of warm-up for each target.", startSeconds, plan.rounds(),
                            plan.round().toSeconds(), plan.warmUp().toSeconds()))
                    .line("");
            benchmark.warmUp();
            benchmark.measureRounds();
            List<AlarmLatencies> alarms = List.of(benchmark.probeAlarms("idle", false),
                    benchmark.probeAlarms("Vigil under load, ×" + plan.connections().get(0), true));
            benchmark.report(report, alarms, vigil.mllpStatistics());
        } finally {
            deleteRecursively(data);
        }
        report.line("")
                .line("Load average (1 / 5 / 15 min) at start " + loadAtStart + ", at end " + Machine.loadAverage()
                        + ".");
        System.out.println();
        System.out.print(report);
        System.out.flush();
        // Axon leaves a non-daemon thread ("axon-janitor") behind after the context closed.
        System.exit(0);
    }

    /** Four load devices on chairs with sessions, and one device and chair per alarm probe, idle and under load. */
    private static Map<String, String> devices(BenchPlan plan) {
        Map<String, String> devices = new LinkedHashMap<>();
        LoadSettings load = LoadSettings.of(HOST, 1);
        for (int n = 1; n <= plan.loadChairs(); n++) {
            devices.put(load.deviceName(n), chairName(n));
        }
        for (int n = 1; n <= 2 * plan.probes(); n++) {
            devices.put(probeDevice(n), probeChair(n));
        }
        return devices;
    }

    private void warmUp() throws InterruptedException {
        progress("warming up");
        run(new Series(Series.Target.BASELINE, plan.connections().get(0)), plan.warmUp());
        run(new Series(Series.Target.VIGIL, plan.connections().get(0)), plan.warmUp());
    }

    /** Even rounds run baseline before Vigil, odd rounds Vigil before baseline, at every connection count. */
    private void measureRounds() throws InterruptedException {
        for (int round = 0; round < plan.rounds(); round++) {
            for (int connections : plan.connections()) {
                List<Series.Target> order = round % 2 == 0
                        ? List.of(Series.Target.BASELINE, Series.Target.VIGIL)
                        : List.of(Series.Target.VIGIL, Series.Target.BASELINE);
                for (Series.Target target : order) {
                    Series series = new Series(target, connections);
                    long cpuBefore = Machine.processCpuNanos();
                    long storingBefore = StoringThread.cpuNanos();
                    LoadResult result = run(series, plan.round());
                    cpuNanos.merge(series, Machine.processCpuNanos() - cpuBefore, Long::sum);
                    if (target == Series.Target.VIGIL) {
                        storingNanos.merge(series, StoringThread.cpuNanos() - storingBefore, Long::sum);
                    }
                    rounds.computeIfAbsent(series, s -> new ArrayList<>()).add(result);
                    progress("round " + (round + 1) + ", " + series.label() + ": " + result.summary());
                }
            }
        }
    }

    private LoadResult run(Series series, Duration duration) throws InterruptedException {
        return new LoadGenerator(settings(series, duration), Clock.systemUTC()).run();
    }

    private LoadSettings settings(Series series, Duration duration) {
        int port = series.target() == Series.Target.BASELINE ? baseline.port() : vigil.mllpPort();
        return LoadSettings.of(HOST, port).withConnections(series.connections()).withDuration(duration)
                .withAckTimeout(ACK_TIMEOUT);
    }

    /**
     * {@link BenchPlan#probes()} probes, each at a chair of its own with a session started just before; under
     * load, while the most connections send to Vigil, once their messages are being recorded.
     */
    private AlarmLatencies probeAlarms(String label, boolean underLoad) throws Exception {
        progress("alarm probes, " + label);
        try (LiveAlarms screen = new LiveAlarms(URI.create("http://" + HOST + ":" + vigil.httpPort() + "/api/stream"),
                BenchVigil.USER, BenchVigil.PASSWORD)) {
            screen.subscribed().get(30, TimeUnit.SECONDS);
            LoadGenerator load = underLoad ? new LoadGenerator(settings(
                    new Series(Series.Target.VIGIL, plan.connections().get(0)), Duration.ofMinutes(2)), Clock.systemUTC())
                    : null;
            CompletableFuture<LoadResult> running = underLoad ? startLoad(load) : null;
            AlarmProbe probe = new AlarmProbe(HOST, vigil.mllpPort(), screen);
            for (int i = 0; i < plan.probes(); i++) {
                int n = ++probeChairs;
                vigil.startSession(probeChair(n));
                probe.probe(probeDevice(n), probeChair(n));
            }
            if (running != null) {
                load.stop();
                progress("load while probing: " + running.get(30, TimeUnit.SECONDS).summary());
            }
            return probe.result(label);
        }
    }

    private CompletableFuture<LoadResult> startLoad(LoadGenerator load) {
        long recordedBefore = vigil.mllpStatistics().recorded();
        CompletableFuture<LoadResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return load.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> vigil.mllpStatistics().recorded() > recordedBefore + 200);
        return running;
    }

    private void report(BenchReport report, List<AlarmLatencies> alarms, Hl7Counters vigilMllp) {
        Map<Series, LoadResult> merged = new LinkedHashMap<>();
        rounds.forEach((series, results) -> merged.put(series,
                results.stream().reduce(LoadResult::plus).orElseThrow()));
        report.line("### Throughput and ACK round trip (all rounds merged)").line("")
                .comparison(merged, plan.connections()).line("")
                .scaling(merged, plan.connections().get(plan.connections().size() - 1),
                        plan.connections().get(0)).line("")
                .line("### CPU per message (the whole benchmark JVM: load generator, receiver and, for Vigil, the "
                        + "application)").line("")
                .cpu(merged, cpuNanos, plan.connections()).line("")
                .line("### The thread that stores the groups").line("")
                .storingThread(merged, storingNanos, plan.connections()).line("")
                .line("### Throughput per round").line("")
                .rounds(rounds).line("")
                .line("### Answers").line("")
                .counts(merged).line("")
                .line(String.format(Locale.ROOT, "Vigil's MLLP listener over the whole run: %d messages recorded, "
                                + "%d duplicates, %d store failures, %d decode failures.", vigilMllp.recorded(),
                        vigilMllp.duplicates(), vigilMllp.storeFailures(), vigilMllp.decodeFailures()))
                .line("")
                .line("Messages stored per transaction: " + vigil.groupSizes() + ".")
                .line("")
                .line("### Alarm latency: SBP 186 written to the MLLP socket → `alarm` event read from /api/stream")
                .line("")
                .alarms(alarms);
    }

    private static String chairName(int n) {
        return "chair-" + n;
    }

    private static String probeDevice(int n) {
        return String.format(Locale.ROOT, "alarm-probe-%02d", n);
    }

    private static String probeChair(int n) {
        return String.format(Locale.ROOT, "probe-chair-%02d", n);
    }

    static void progress(String text) {
        System.out.println("[bench] " + text);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
