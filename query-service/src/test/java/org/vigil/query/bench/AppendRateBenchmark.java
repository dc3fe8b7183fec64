package org.vigil.query.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.postgres.PostgresServer;

/**
 * How far one PostgreSQL carries Vigil's appends, against what the same server takes from plain JDBC in the same
 * run. On one embedded PostgreSQL 16 it starts Vigil ({@code postgres} profile, as configured: durable commits,
 * hashed events) and, for each number of writers in {@code append.writers} (default 1, 4, 16), that many threads
 * each record the simulator's observations for a session of its own, one {@code RecordObservationsCommand} at a
 * time — as that many ingest workers do, each message a unit of work and a commit — for
 * {@code append.seconds} (8) after {@code append.warmup-seconds} (3). Then, on the same server, into
 * {@code raw_event_entry} (created {@code like domain_event_entry including all}: the same columns and indexes,
 * rows copied from a stored observation event): the same numbers of threads inserting one row per commit, and one
 * thread inserting JDBC batches of {@code append.batch} (100) rows per commit. Events per second count rows that
 * committed. Not a test: {@code ./mvnw -o -q -pl query-service -am -Pbench-append verify -DskipTests}; it prints
 * Markdown for BENCHMARKS.md.
 */
public final class AppendRateBenchmark {

    private static final long HISTORY_SECONDS = Long.getLong("append.history-seconds", 86_400);

    private final int seconds = Integer.getInteger("append.seconds", 8);
    private final int warmUp = Integer.getInteger("append.warmup-seconds", 3);
    private final int batch = Integer.getInteger("append.batch", 100);
    private final List<Integer> writers = List.of(System.getProperty("append.writers", "1,4,16").split(","))
            .stream().map(String::trim).map(Integer::valueOf).toList();

    public static void main(String[] args) {
        try {
            new AppendRateBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        // Axon leaves a non-daemon thread ("axon-janitor") behind after the context closed.
        System.exit(0);
    }

    private void run() throws Exception {
        Instant startedAt = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        String loadAtStart = Machine.loadAverage();
        int most = writers.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<String> rows = new ArrayList<>();
        Path data = Files.createTempDirectory("vigil-append-pg-");
        dataDirectory = data;
        try (PostgresServer postgres = PostgresServer.start(data)) {
            List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
            arguments.addAll(List.of("--server.address=127.0.0.1", "--logging.level.root=WARN",
                    "--spring.profiles.active=postgres", "--vigil.chairs=" + chairs(most)));
            arguments.addAll(RunningVigil.demoUsers());
            arguments.addAll(postgres.datasourceProperties());
            try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { })) {
                List<SessionId> sessions = new ArrayList<>();
                for (int chair = 1; chair <= most; chair++) {
                    sessions.add(vigil.startSession("chair-" + chair, "append-bench-" + chair, 72.5,
                            new BaselineVitals(120, 80, 72, 97)));
                }
                CommandGateway commands = vigil.context().getBean(CommandGateway.class);
                for (int count : writers) {
                    long[] before = settledWork(postgres);
                    long eventsBefore = storedEvents(postgres);
                    double rate = timed(count, writer -> {
                        SimulatedObservations monitor = new SimulatedObservations(writer + 1,
                                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(HISTORY_SECONDS));
                        SessionId session = sessions.get(writer);
                        return () -> {
                            commands.sendAndWait(new RecordObservationsCommand(session, monitor.next(writer + 1)));
                            return 1;
                        };
                    });
                    rows.add(row("Vigil: RecordObservationsCommand, one event per commit", count, rate));
                    long events = storedEvents(postgres) - eventsBefore;
                    work.add(perEvent(count, before, settledWork(postgres), events));
                }
            }
            try (Connection connection = connect(postgres)) {
                prepareRawTable(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("show fsync")) {
                    result.next();
                    fsync = result.getString(1);
                }
            }
            for (int count : writers) {
                rows.add(row("JDBC: one row per commit", count,
                        timed(count, writer -> rawInserts(postgres, writer, 1))));
            }
            rows.add(row("JDBC: batches of " + batch + " rows per commit", 1,
                    timed(1, writer -> rawInserts(postgres, writer, batch))));
        } finally {
            StoreBenchmark.deleteRecursively(data);
        }
        BenchReport report = new BenchReport();
        report.line("## Append rate on one PostgreSQL, " + startedAt).line("")
                .line("Machine: " + Machine.describe() + ". Each figure: " + seconds + " s after " + warmUp
                        + " s of warm-up.").line("")
                .line("| appender | writers | events/s | × Vigil at the same writers | JVM CPU ms per event "
                        + "| PostgreSQL CPU ms per event |")
                .line("|---|---:|---:|---:|---:|---:|");
        rows.forEach(report::line);
        report.line("").line("What PostgreSQL did per event Vigil stored (`pg_stat_database`, warm-up and the read "
                        + "models' work included):")
                .line("").line("| writers | transactions | rows inserted | rows updated | rows deleted | rows read |")
                .line("|---:|---:|---:|---:|---:|---:|");
        work.forEach(report::line);
        report.line("").line("Server: fsync " + fsync + "; Vigil's and the JDBC writers' connections run with "
                + "synchronous_commit on.");
        report.line("").line("Load average (1 / 5 / 15 min) at start " + loadAtStart + ", at end "
                + Machine.loadAverage() + ".");
        System.out.println();
        System.out.print(report);
        System.out.flush();
    }

    private final List<double[]> vigilRates = new ArrayList<>();
    private final List<Connection> opened = new ArrayList<>();
    private final List<String> work = new ArrayList<>();
    private String lastCpu = "– | –";
    private Path dataDirectory;
    private String fsync = "unknown";

    /**
     * Transactions committed, rows inserted, updated, deleted and read in the database so far, the read models'
     * work included; read once the rows written stop changing, since a backend reports its statistics at most once
     * a second.
     */
    private static long[] settledWork(PostgresServer postgres) {
        AtomicReference<long[]> last = new AtomicReference<>(work(postgres));
        await("PostgreSQL's statistics to settle").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    long[] now = work(postgres);
                    long[] before = last.getAndSet(now);
                    return Arrays.equals(Arrays.copyOfRange(now, 1, 4), Arrays.copyOfRange(before, 1, 4));
                });
        return last.get();
    }

    private static long[] work(PostgresServer postgres) {
        Object[] values = postgres.rows("select xact_commit, tup_inserted, tup_updated, tup_deleted, "
                + "tup_returned + tup_fetched as tup_read from pg_stat_database where datname = current_database()")
                .get(0).values().toArray();
        long[] work = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            work[i] = ((Number) values[i]).longValue();
        }
        return work;
    }

    private static long storedEvents(PostgresServer postgres) {
        return ((Number) postgres.value("select count(*) from domain_event_entry")).longValue();
    }

    private static String perEvent(int writers, long[] before, long[] after, long events) {
        StringBuilder row = new StringBuilder("| " + writers + " |");
        for (int i = 0; i < before.length; i++) {
            row.append(String.format(Locale.ROOT, " %.1f |", (after[i] - before[i]) / (double) Math.max(1, events)));
        }
        return row.toString();
    }

    private String row(String appender, int count, double rate) {
        String ratio = "1.00";
        if (appender.startsWith("Vigil")) {
            vigilRates.add(new double[] {count, rate});
        } else {
            ratio = vigilRates.stream().filter(r -> r[0] == count).findFirst()
                    .map(r -> String.format(Locale.ROOT, "%.2f", rate / r[1])).orElse("–");
        }
        System.err.printf(Locale.ROOT, "[append-bench] %s, %d writers: %.0f events/s%n", appender, count, rate);
        return String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s |", appender, count, rate, ratio, lastCpu);
    }

    /** One append of a writer: answers how many events it committed. */
    @FunctionalInterface
    private interface Append {
        int append() throws Exception;
    }

    @FunctionalInterface
    private interface Writer {
        Append open(int writer) throws Exception;
    }

    /**
     * Runs {@code count} writers for the warm-up and the timed period; events per second in the timed period, and
     * the CPU time the JVM and PostgreSQL spent in it per event ({@link #lastCpu}).
     */
    private double timed(int count, Writer writer) throws Exception {
        AtomicLong committed = new AtomicLong();
        long startAt = System.nanoTime() + warmUp * 1_000_000_000L;
        long endAt = startAt + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(count);
        CountDownLatch timing = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Append append = writer.open(i);
            Thread thread = new Thread(() -> {
                try {
                    long now;
                    while ((now = System.nanoTime()) < endAt) {
                        int events = append.append();
                        if (now >= startAt) {
                            committed.addAndGet(events);
                            timing.countDown();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    timing.countDown();
                    done.countDown();
                }
            }, "append-bench-" + i);
            thread.start();
        }
        timing.await();
        long jvmBefore = jvmCpuNanos();
        long postgresBefore = postgresCpuTicks();
        done.await();
        double events = Math.max(1, committed.get());
        lastCpu = String.format(Locale.ROOT, "%.3f | %.3f", (jvmCpuNanos() - jvmBefore) / 1e6 / events,
                (postgresCpuTicks() - postgresBefore) * 1000.0 / TICKS_PER_SECOND / events);
        for (Connection connection : opened) {
            connection.close();
        }
        opened.clear();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a writer failed", failures.get(0));
        }
        return committed.get() / (double) seconds;
    }

    /** Linux's clock ticks per second for {@code /proc/<pid>/stat} times (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * User and system time of the postmaster and its live children (the backends, the WAL writer, the checkpointer),
     * in clock ticks, from {@code /proc}: what the events cost PostgreSQL, whatever else runs on the machine.
     */
    private long postgresCpuTicks() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(postmaster).stream()
                .flatMap(process -> Stream.concat(Stream.of(process), process.children()))
                .mapToLong(process -> cpuTicks(process.pid())).sum();
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
    }

    private static void prepareRawTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table raw_event_entry (like domain_event_entry including all)");
            statement.execute("create sequence raw_event_entry_seq");
        }
    }

    /** A writer that inserts {@code rows} copies of a stored observation event per commit, as its own aggregate. */
    private Append rawInserts(PostgresServer postgres, int writer, int rows) throws SQLException {
        Connection connection = connect(postgres);
        opened.add(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set synchronous_commit to on");
        }
        connection.setAutoCommit(false);
        List<String> columns = new ArrayList<>();
        List<Object> sample = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select * from domain_event_entry where payload_type like "
                     + "'%ObservationsRecorded%' order by global_index desc limit 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no stored observation event to copy");
            }
            ResultSetMetaData meta = row.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
                sample.add(row.getObject(i));
            }
        }
        connection.commit();
        StringBuilder values = new StringBuilder();
        for (String column : columns) {
            values.append(values.isEmpty() ? "" : ", ")
                    .append(column.equals("global_index") ? "nextval('raw_event_entry_seq')" : "?");
        }
        PreparedStatement insert = connection.prepareStatement("insert into raw_event_entry ("
                + String.join(", ", columns) + ") values (" + values + ")");
        String aggregate = "raw-" + writer + "-" + UUID.randomUUID();
        long[] sequence = {0};
        return () -> {
            for (int r = 0; r < rows; r++) {
                int parameter = 1;
                for (int i = 0; i < columns.size(); i++) {
                    Object value = switch (columns.get(i)) {
                        case "global_index" -> null;
                        case "event_identifier" -> UUID.randomUUID().toString();
                        case "aggregate_identifier" -> aggregate;
                        case "sequence_number" -> sequence[0]++;
                        default -> sample.get(i);
                    };
                    if (!columns.get(i).equals("global_index")) {
                        insert.setObject(parameter++, value);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            return rows;
        };
    }

    private static String chairs(int count) {
        List<String> chairs = new ArrayList<>();
        for (int chair = 1; chair <= count; chair++) {
            chairs.add("chair-" + chair);
        }
        return String.join(",", chairs);
    }
}
