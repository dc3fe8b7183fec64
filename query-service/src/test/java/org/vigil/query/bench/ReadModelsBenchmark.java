package org.vigil.query.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.vigil.query.RunningVigil;
import org.vigil.query.readmodels.ReadModels;
import org.vigil.query.support.ProcessingGroups;

/**
 * Measures what the persisted read models cost as the history grows, in one run on one machine:
 * <ol>
 * <li>a clinic's history of {@code bench.events} events ({@link ClinicHistory}, default 1,000,000) is written
 * straight through the storage engine, twelve sessions left running three hours in;</li>
 * <li>the read models catch up on it, then every read model is rebuilt (one processor feeds them all), through the
 * same path as {@code POST /api/read-models/{name}/rebuild}; the baseline is one thread reading every event once
 * through the storage engine and deserialising it, which any rebuild must at least do;</li>
 * <li>start-up to ready (MLLP listener open), in a JVM of its own, alternately on an empty store and on the
 * history, {@code bench.startups} times each (default 3): from the build's classes, and, when {@code bench.archive}
 * names the directory {@code ./class-archive.sh} wrote, also from the unpacked clinical jar with its class
 * archive.</li>
 * </ol>
 * Not a test: run it with {@code ./mvnw -o -q -pl query-service -am -Pbench-readmodels verify -DskipTests}, on
 * the embedded store or, with {@code -Dbench.store=postgres}, on a PostgreSQL server of its own. The history is
 * kept under {@code query-service/target/bench-readmodels} and reused by the next run with the same store and
 * number of events. It prints Markdown for BENCHMARKS.md.
 */
public final class ReadModelsBenchmark {

    private static final Pattern STARTED = Pattern.compile("Started VigilApplication in [0-9.]+ seconds"
            + " \\(process running for ([0-9.]+)\\)");
    private static final Pattern LIVE_VIEW = Pattern.compile(
            "Live view of (\\d+) running sessions folded from (\\d+) of their events in (\\d+) ms"
                    + "(?: \\((\\d+) from snapshots\\))?");

    private final Path root;
    private final String kind;
    private final long events;
    private final List<String> report = new ArrayList<>();

    private ReadModelsBenchmark(Path root, String kind, long events) {
        this.root = root;
        this.kind = kind;
        this.events = events;
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 1_000_000);
        int startups = Integer.getInteger("bench.startups", 3);
        String kind = System.getProperty("bench.store", "embedded");
        ReadModelsBenchmark benchmark = new ReadModelsBenchmark(
                Path.of(System.getProperty("bench.dir", "target/bench-readmodels")), kind, events);
        Instant began = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = Machine.loadAverage();
        String store;
        try (BenchStore history = BenchStore.open(kind, benchmark.root.resolve(kind + "-" + events));
             BenchStore empty = BenchStore.open(kind, benchmark.root.resolve(kind + "-empty"))) {
            store = history.describe();
            benchmark.history(history);
            benchmark.empty(empty);
            benchmark.rebuilds(history);
            benchmark.startups(empty, history, startups);
        }
        System.out.println();
        System.out.println("**Run of " + began + "** on " + store + ". " + Machine.describe() + "; load average "
                + loadBefore + " at the start and " + Machine.loadAverage() + " at the end.");
        System.out.println();
        benchmark.report.forEach(System.out::println);
        System.exit(0);
    }

    /** The generated history, written unless a previous run left it. */
    private void history(BenchStore store) throws IOException {
        Path done = root.resolve(kind + "-" + events + ".written");
        if (Files.exists(done)) {
            report.add("History of " + Files.readString(done).trim() + " events reused from an earlier run.");
            report.add("");
            return;
        }
        // no decision on the clock while the history is written beside the command side's back
        try (RunningVigil vigil = launch(store, "--vigil.alarms.tick-ms=" + Duration.ofDays(1).toMillis())) {
            stopReadModels(vigil);
            long start = System.nanoTime();
            long written = ClinicHistory.write(vigil, events, Clock.systemUTC().instant());
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add(String.format(Locale.ROOT, "History of %,d events written in %.0f s (%,.0f events/s)"
                    + " straight through the storage engine.", written, seconds, written / seconds));
            report.add("");
            Files.writeString(done, Long.toString(written));
        }
    }

    /** An empty store, its tables made by a first start. */
    private void empty(BenchStore store) {
        launch(store).close();
    }

    private void rebuilds(BenchStore store) {
        // no time-driven decision (stale blood pressure of the sessions left running) takes the store meanwhile
        try (RunningVigil vigil = launch(store, "--vigil.alarms.tick-ms=" + Duration.ofDays(1).toMillis())) {
            ReadModels readModels = vigil.context().getBean(ReadModels.class);
            long head = readModels.all().get(0).head();
            long start = System.nanoTime();
            awaitCaughtUp(readModels, head);
            double catchUp = (System.nanoTime() - start) / 1e9;

            double baseline = readEveryEvent(vigil);
            // one processor feeds every read model: a rebuild asked for by any name rebuilds them all
            Map<String, Double> seconds = new TreeMap<>();
            seconds.put("every read model, one rebuild", rebuild(readModels, head, ProcessingGroups.READ_MODELS));
            long stored = head + 1;
            report.add(String.format(Locale.ROOT, "After the history was written the read models caught up on it"
                    + " in %.1f s from the moment the application was ready.", catchUp));
            report.add("");
            report.add("| rebuild of | seconds | events/s | baseline / rebuild time |");
            report.add("|---|---:|---:|---:|");
            report.add(String.format(Locale.ROOT, "| baseline: every event read and deserialised once, one thread"
                    + " | %.1f | %,.0f | 1.00 |", baseline, stored / baseline));
            seconds.forEach((what, s) -> report.add(String.format(Locale.ROOT, "| %s | %.1f | %,.0f | %.2f |",
                    what, s, stored / s, baseline / s)));
            report.add("");
        }
    }

    private static double rebuild(ReadModels readModels, long head, List<String> names) {
        long start = System.nanoTime();
        readModels.rebuild(names.get(0));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> names.stream()
                .map(name -> readModels.status(name).orElseThrow())
                .allMatch(status -> status.rebuilding() || status.position() < head));
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(100)).until(() -> names.stream()
                .map(name -> readModels.status(name).orElseThrow())
                .allMatch(status -> !status.rebuilding() && status.position() >= head));
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitCaughtUp(ReadModels readModels, long head) {
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(100)).until(() -> readModels.all()
                .stream().allMatch(status -> status.position() >= head));
    }

    private static double readEveryEvent(RunningVigil vigil) {
        long start = System.nanoTime();
        try (Stream<? extends TrackedEventMessage<?>> all = vigil.context().getBean(EventStorageEngine.class)
                .readEvents(null, false)) {
            all.forEach(TrackedEventMessage::getPayload);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void startups(BenchStore empty, BenchStore history, int times) throws IOException,
            InterruptedException {
        if (times == 0) {
            return;
        }
        startups("from the build's classes (`StartupProbe`)", ReadModelsBenchmark::probeCommand, empty, history,
                times);
        String archive = System.getProperty("bench.archive");
        if (archive != null && !archive.isBlank()) {
            Path unpacked = Path.of(archive).toAbsolutePath();
            startups("from the clinical jar unpacked with its class archive (`./class-archive.sh " + archive + "`)",
                    store -> archivedJarCommand(unpacked, store), empty, history, times);
        }
    }

    private void startups(String how, Function<BenchStore, List<String>> command, BenchStore empty,
                          BenchStore history, int times) throws IOException, InterruptedException {
        List<Startup> onEmpty = new ArrayList<>();
        List<Startup> onHistory = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            if (i % 2 == 0) {
                onEmpty.add(startup(command, empty));
                onHistory.add(startup(command, history));
            } else {
                onHistory.add(startup(command, history));
                onEmpty.add(startup(command, empty));
            }
        }
        long emptyMedian = median(onEmpty);
        long historyMedian = median(onHistory);
        report.add("Start-up " + how + ":");
        report.add("");
        report.add("| store | start-up to ready, each run (ms) | median (ms) | / empty | live view folded |");
        report.add("|---|---|---:|---:|---|");
        report.add(row("empty", onEmpty, emptyMedian, emptyMedian));
        report.add(row(String.format(Locale.ROOT, "%,d events", events), onHistory, historyMedian, emptyMedian));
        report.add("");
    }

    private static String row(String store, List<Startup> runs, long median, long emptyMedian) {
        Startup last = runs.get(runs.size() - 1);
        return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %s |", store,
                String.join(", ", runs.stream().map(r -> Long.toString(r.readyMs())).toList()), median,
                (double) median / emptyMedian, last.liveView());
    }

    private static long median(List<Startup> runs) {
        List<Long> sorted = runs.stream().map(Startup::readyMs).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private record Startup(long readyMs, String liveView) {
    }

    /** {@link StartupProbe} in a JVM of its own, on the build's classes: it prints its uptime when ready. */
    private static List<String> probeCommand(BenchStore store) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
        command.addAll(store.arguments());
        return command;
    }

    /**
     * The clinical jar as {@code class-archive.sh} unpacked it, started with its class archive as a clinic would;
     * Spring Boot's "Started" line gives the JVM's uptime when the context, the MLLP listener with it, is ready.
     */
    private static List<String> archivedJarCommand(Path unpacked, BenchStore store) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:SharedArchiveFile=" + unpacked.resolve("vigil.jsa"),
                "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-jar", unpacked.resolve("vigil.jar").toString()));
        command.addAll(RunningVigil.freePorts());
        command.add("--server.address=127.0.0.1");
        command.addAll(store.arguments());
        command.addAll(ClinicHistory.chairs());
        command.addAll(List.of("--logging.level.root=WARN", "--logging.level.org.vigil.query.VigilApplication=INFO",
                "--logging.level.org.vigil.query.chairs.LiveViewStart=INFO"));
        return command;
    }

    /** Starts Vigil with {@code command} and reads when it was ready; stops it then. */
    private static Startup startup(Function<BenchStore, List<String>> command, BenchStore store)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command.apply(store)).redirectErrorStream(true).start();
        long ready = -1;
        String liveView = "";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher folded = LIVE_VIEW.matcher(line);
                Matcher started = STARTED.matcher(line);
                if (folded.find()) {
                    liveView = String.format(Locale.ROOT, "%s sessions%s, %,d events, %s ms", folded.group(1),
                            folded.group(4) == null ? "" : " (" + folded.group(4) + " from snapshots)",
                            Long.parseLong(folded.group(2)), folded.group(3));
                } else if (line.startsWith(StartupProbe.READY)) {
                    ready = Long.parseLong(line.substring(StartupProbe.READY.length()).trim());
                } else if (started.find()) {
                    ready = Math.round(Double.parseDouble(started.group(1)) * 1000);
                    break;
                }
            }
        } finally {
            process.destroy();
        }
        int exit = process.waitFor();
        if (ready < 0) {
            throw new IllegalStateException("the application on " + store.arguments() + " did not start (exit "
                    + exit + ")");
        }
        return new Startup(ready, liveView);
    }

    private static RunningVigil launch(BenchStore store, String... more) {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add("--server.address=127.0.0.1");
        arguments.addAll(store.arguments());
        arguments.addAll(ClinicHistory.chairs());
        arguments.add("--logging.level.root=WARN");
        arguments.addAll(List.of(more));
        return RunningVigil.launch(arguments, builder -> { });
    }

    private static void stopReadModels(RunningVigil vigil) {
        EventProcessingConfiguration processing = vigil.context().getBean(EventProcessingConfiguration.class);
        processing.eventProcessor(ProcessingGroups.READ_MODELS_PROCESSOR).ifPresent(EventProcessor::shutDown);
    }
}
