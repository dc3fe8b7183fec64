package org.vigil.query.bench;

import java.io.IOException;
import java.net.URI;
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
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.load.ClinicChair;
import org.vigil.simulator.load.ClinicLoad;
import org.vigil.simulator.load.ClinicResult;
import org.vigil.simulator.load.ClinicSettings;
import org.vigil.simulator.load.ClinicWindow;

/**
 * A clinic under load, one row per clinic size: for each chair count, a fresh Vigil on a fresh store (the embedded
 * default or PostgreSQL, {@link BenchStore}), a session booked and checked in at every chair through the HTTP API,
 * then the simulator's {@link ClinicLoad} — every chair's monitor at 1 Hz and pump every 2 s over MLLP, 2 % of the
 * chairs abnormal, two stations on {@code /api/stream} — warmed up and measured for a fixed time. Processor, heap and
 * GC pauses are this JVM's over the measured window: Vigil, the load generator and the stations together.
 * <p>
 * Not a test: run it with {@code ./mvnw -o -q -pl query-service -am -Pbench-clinic verify -DskipTests}, options
 * {@code -Dbench.chairs=250,500,1000,2000 -Dbench.store=embedded|postgres -Dbench.seconds=60
 * -Dbench.warmup-seconds=10 -Dbench.jfr-chairs=1000} (a JFR recording of that row's measured window, written to
 * {@code target/clinic-<chairs>.jfr}) {@code -Dbench.vigil-options="--vigil.ingest.group-limit=32"} (more of Vigil's
 * command-line properties). It prints Markdown for BENCHMARKS.md.
 */
public final class ClinicBenchmark {

    private static final String HOST = "127.0.0.1";

    private ClinicBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.chairs", "250,500,1000,2000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        String store = System.getProperty("bench.store", "embedded");
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 10));
        int jfrChairs = Integer.getInteger("bench.jfr-chairs", 0);
        String vigilOptions = System.getProperty("bench.vigil-options", "").trim();
        Instant startedAt = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int chairs : sizes) {
            IngestBenchmark.progress(chairs + " chairs on " + store + ", load average " + Machine.loadAverage());
            Row row = measure(chairs, store, vigilOptions, warmUp, measured, chairs == jfrChairs);
            rows.add(row.markdown());
            notes.add(row.note());
        }
        System.out.println();
        System.out.println("## Clinic under load, " + startedAt + ", " + store);
        System.out.println();
        System.out.println("Machine: " + Machine.describe() + ". " + warmUp.toSeconds() + " s of warm-up, "
                + measured.toSeconds() + " s measured per row" + (vigilOptions.isEmpty() ? "" : "; Vigil started with "
                + vigilOptions) + ".");
        System.out.println();
        System.out.println("| chairs | messages/s offered | AA/s | ACK p50 (ms) | ACK p99 (ms) | ACK max (ms) "
                + "| alarm p50 (ms) | alarm p99 (ms) | alarm max (ms) | alarms | CPU % (2 cores) | heap max used (MiB) "
                + "| GC pauses total / max (ms) | not AA / timeouts | load average (1 min) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println();
        notes.forEach(System.out::println);
        System.out.flush();
        // Axon leaves a non-daemon thread ("axon-janitor") behind after the context closed.
        System.exit(0);
    }

    private static Row measure(int chairs, String storeKind, String vigilOptions, Duration warmUp, Duration measured,
                               boolean record)
            throws Exception {
        Path data = Files.createTempDirectory("vigil-clinic-");
        try (BenchStore store = BenchStore.open(storeKind, data.resolve("store"))) {
            ClinicSettings settings = ClinicSettings.of(HOST, 1, URI.create("http://" + HOST), chairs)
                    .withTiming(warmUp, measured);
            List<ClinicChair> clinic = ClinicChair.clinic(chairs, settings.abnormalPercent());
            try (RunningVigil vigil = start(store, clinic, settings.gateways(), vigilOptions)) {
                ClinicLoad load = new ClinicLoad(withVigil(settings, vigil), Clock.systemUTC());
                Window window = new Window(record ? Path.of("target", "clinic-" + chairs + ".jfr") : null);
                ClinicResult result = load.run(window);
                Row row = new Row(result, window.figures, window.loadAverage, BenchVigil.groupSizes(vigil));
                // printed before Vigil stops: stopping a large clinic takes a while (the live view's snapshot)
                IngestBenchmark.progress(result.summary());
                IngestBenchmark.progress(row.markdown());
                IngestBenchmark.progress(row.note());
                return row;
            }
        } finally {
            StoreBenchmark.deleteRecursively(data);
        }
    }

    private static RunningVigil start(BenchStore store, List<ClinicChair> clinic, int gateways, String options) {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add("--server.address=" + HOST);
        arguments.addAll(store.arguments());
        arguments.addAll(List.of(
                "--vigil.users[0].name=nurse", "--vigil.users[0].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[0].roles=NURSE",
                "--logging.level.root=WARN",
                "--vigil.mllp.connections.max=" + (gateways + 64),
                "--vigil.mllp.connections.per-address=" + (gateways + 64),
                "--logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=ERROR"));
        List<String> bindings = new ArrayList<>();
        ClinicChair.deviceBindings(clinic).forEach((device, chair) -> bindings.add(device + "=" + chair));
        arguments.addAll(RunningVigil.devices(bindings.toArray(String[]::new)));
        if (!options.isEmpty()) {
            arguments.addAll(Arrays.asList(options.split("\\s+")));
        }
        return RunningVigil.launch(arguments, builder -> { });
    }

    private static ClinicSettings withVigil(ClinicSettings settings, RunningVigil vigil) {
        return new ClinicSettings(HOST, vigil.mllpPort(), URI.create("http://" + HOST + ":" + vigil.httpPort()),
                settings.user(), settings.password(), settings.chairs(), settings.gateways(), settings.stations(),
                settings.abnormalPercent(), settings.warmUp(), settings.duration(), settings.ackTimeout(),
                settings.setUpSessions());
    }

    /** The JVM's figures, and the JFR recording when asked for, over the measured window. */
    private static final class Window implements ClinicWindow {

        private final Path recordingFile;
        private JvmUse use;
        private Recording recording;
        private JvmUse.Figures figures;
        private String loadAverage = "unknown";

        Window(Path recordingFile) {
            this.recordingFile = recordingFile;
        }

        @Override
        public void opened() {
            use = new JvmUse();
            if (recordingFile != null) {
                try {
                    recording = new Recording(Configuration.getConfiguration("profile"));
                } catch (IOException | java.text.ParseException e) {
                    throw new IllegalStateException("no JFR profile configuration", e);
                }
                // waits of a millisecond and more, to see what the ingest waits on (the profile records 20 ms)
                recording.enable("jdk.ThreadPark").withThreshold(java.time.Duration.ofMillis(1));
                recording.enable("jdk.JavaMonitorEnter").withThreshold(java.time.Duration.ofMillis(1));
                recording.start();
            }
        }

        @Override
        public void closed() {
            figures = use.figures();
            loadAverage = Machine.loadAverage();
            use.close();
            if (recording != null) {
                try {
                    recording.dump(recordingFile);
                    IngestBenchmark.progress("JFR recording written to " + recordingFile.toAbsolutePath());
                } catch (IOException e) {
                    IngestBenchmark.progress("JFR recording not written: " + e.getMessage());
                } finally {
                    recording.close();
                }
            }
        }
    }

    private record Row(ClinicResult result, JvmUse.Figures jvm, String loadAverage, String groups) {

        String markdown() {
            ClinicResult r = result;
            return String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f | %d "
                            + "| %.0f | %d | %d / %d | %d / %d | %s |", r.chairs(), r.offeredPerSecond(),
                    r.acceptedPerSecond(), r.ackMillis(50), r.ackMillis(99), r.ackMaxMillis(), r.alarmMillis(50),
                    r.alarmMillis(99), r.alarmMaxMillis(), r.alarms(), jvm.cpuPercent(),
                    jvm.heapMaxUsedBytes() / (1024 * 1024), jvm.gcPauseTotalMillis(), jvm.gcPauseMaxMillis(),
                    r.failures(), r.timeouts(), loadAverage.split(" ")[0]);
        }

        String note() {
            ClinicResult r = result;
            return String.format(Locale.ROOT, "- %d chairs: sessions set up in %.1f s; %d abnormal chairs, %d gateway "
                            + "connections; messages sent late p99 %.1f ms, %d superseded; %d alarms missed, %d other alarms; %d GC "
                            + "pauses; JIT compilers %.1f s in the window; %d AE, %d AR, %d unsent, %d connection failures; %d "
                            + "events read by the stations; messages stored per transaction over the whole run: %s.",
                    r.chairs(), r.setUp().toMillis() / 1000.0, r.abnormalChairs(), r.gateways(), r.latenessMillis(99), r.superseded(),
                    r.missedAlarms(), r.otherAlarms(), jvm.gcPauses(), jvm.compileMillis() / 1000.0, r.errors(),
                    r.rejections(), r.unsent(), r.connectionFailures(), r.stationEvents(), groups);
        }
    }
}
