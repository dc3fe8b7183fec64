package org.vigil.query.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.postgres.PostgresServer;

/**
 * What the record costs on each store: bytes on disk per observation event, and the time of one durable commit.
 * For each target it starts the whole application on a fresh store, starts a session at each of six chairs,
 * and records {@code store.events} observation events (the simulator's PCD-01 messages, decoded and mapped as on
 * the MLLP path, {@link SimulatedObservations}) one command at a time from one thread, as one ingest worker
 * does: each command is one unit of work and one commit. The first tenth is warm-up and not timed. Then it stops
 * the application and divides the store's size by the number of observation events: the SQLite or H2 file, or
 * PostgreSQL's {@code pg_total_relation_size} of {@code domain_event_entry} (heap, TOAST and every index).
 * <p>
 * Targets ({@code store.targets}, comma-separated, default all): {@code sqlite} (the embedded store as
 * configured), {@code sqlite-full} (the same with {@code synchronous=FULL}: every commit flushed to the disk),
 * {@code h2} (H2 as Vigil ran it before, {@code WRITE_DELAY=500}: commits not yet written when they return),
 * {@code h2-durable} ({@code WRITE_DELAY=0}), {@code postgres} (the {@code postgres} profile as configured),
 * {@code postgres-async} (the same with {@code synchronous_commit=off}), {@code sqlite-unhashed} and
 * {@code postgres-unhashed} (events stored without their hashes, {@code vigil.store.hash-events=false}) and
 * {@code postgres-toast}
 * ({@code toast_tuple_target=128}). Not a test: run it with
 * {@code ./mvnw -o -q -pl query-service -am -Pstore-bench verify -DskipTests}. It prints Markdown for
 * BENCHMARKS.md.
 */
public final class StoreBenchmark {

    private static final int CHAIRS = 6;
    private static final String DEFAULT_TARGETS = "sqlite,sqlite-full,h2,h2-durable,postgres,postgres-async";

    private final int events;

    private StoreBenchmark(int events) {
        this.events = events;
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        // Axon leaves a non-daemon thread ("axon-janitor") behind after the context closed.
        System.exit(0);
    }

    private static void run() throws Exception {
        int events = Integer.getInteger("store.events", 20_000);
        List<String> targets = List.of(System.getProperty("store.targets", DEFAULT_TARGETS)
                .split(","));
        Instant startedAt = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        String loadAtStart = Machine.loadAverage();
        StoreBenchmark benchmark = new StoreBenchmark(events);
        List<StoreRun> runs = new ArrayList<>();
        for (String target : targets) {
            runs.add(switch (target.trim()) {
                case "postgres" -> benchmark.postgres("PostgreSQL, synchronous_commit=on (as configured)",
                        List.of());
                case "postgres-unhashed" -> benchmark.postgres("PostgreSQL, synchronous_commit=on, events "
                        + "without hashes", List.of("--vigil.store.hash-events=false"));
                case "postgres-async" -> benchmark.postgres("PostgreSQL, synchronous_commit=off",
                        List.of("--spring.datasource.hikari.connection-init-sql=SET synchronous_commit = off",
                                "--vigil.store.check-durability=false"));
                case "postgres-toast" -> benchmark.postgres("PostgreSQL, toast_tuple_target=128", List.of(),
                        "alter table domain_event_entry set (toast_tuple_target = 128)");
                default -> benchmark.embedded(StoreTarget.of(target.trim()));
            });
            StoreRun last = runs.get(runs.size() - 1);
            System.err.println("[store-bench] " + last.row());
            last.tables().forEach(table -> System.err.println("[store-bench]   " + table));
        }
        BenchReport report = new BenchReport();
        report.line("## Store benchmark, " + startedAt).line("")
                .line("Machine: " + Machine.describe() + ".")
                .line("Observation events per target: " + events + ", from " + CHAIRS + " simulated monitors; "
                        + "commits timed after the first " + events / 10 + ".").line("")
                .line("| store | observation events | other events | bytes on disk | bytes per observation event "
                        + "| commit mean (ms) | p50 (ms) | p99 (ms) | commits/s |")
                .line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        runs.forEach(run -> report.line(run.row()));
        report.line("");
        for (StoreRun run : runs) {
            report.line("- " + run.target() + ": " + run.sizeMethod() + ".");
            run.tables().forEach(table -> report.line("  - " + table));
        }
        if (Boolean.parseBoolean(System.getProperty("store.form-cost", "true"))) {
            report.line("").line(StoredFormCost.METHOD).line("");
            StoredFormCost.table().forEach(report::line);
        }
        report.line("")
                .line("Load average (1 / 5 / 15 min) at start " + loadAtStart + ", at end " + Machine.loadAverage()
                        + ".");
        System.out.println();
        System.out.print(report);
        System.out.flush();
    }

    private StoreRun embedded(StoreTarget target) throws Exception {
        Path data = Files.createTempDirectory("vigil-store-");
        try {
            List<String> arguments = new ArrayList<>(common());
            arguments.add(RunningVigil.dataDirectory(data));
            if (target.url() != null) {
                arguments.add("--spring.datasource.url=" + target.url().in(data.toAbsolutePath()));
            }
            arguments.addAll(target.options());
            String url;
            long[] nanos;
            long running;
            List<String> tables = new ArrayList<>();
            Map.Entry<Long, Long> counts;
            long eventTable;
            try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { })) {
                url = vigil.context().getEnvironment().getProperty("spring.datasource.url");
                nanos = record(vigil);
                running = directorySize(data);
                try (Connection connection = vigil.context().getBean(DataSource.class).getConnection()) {
                    counts = eventTypes(connection, tables);
                    eventTable = url.startsWith("jdbc:sqlite:") ? sqliteEventTable(connection, tables) : -1;
                }
            }
            long bytes = directorySize(data);
            tables.add(0, "while running: " + running + " bytes; after it stopped:" + files(data));
            if (eventTable >= 0) {
                return new StoreRun(target.name(), counts.getKey(), counts.getValue(), eventTable,
                        "the pages of domain_event_entry and its indexes (SQLite's dbstat), as on PostgreSQL; "
                                + "the whole file holds the read models too; URL " + url, tables, nanos);
            }
            return new StoreRun(target.name(), counts.getKey(), counts.getValue(), bytes,
                    "all files of the database after the application stopped; URL " + url, tables, nanos);
        } finally {
            deleteRecursively(data);
        }
    }

    /**
     * The bytes of the pages that hold {@code domain_event_entry} and its indexes, from SQLite's {@code dbstat}
     * table; every table's pages are added to {@code tables}.
     */
    private static long sqliteEventTable(Connection connection, List<String> tables) throws SQLException {
        long eventTable = 0;
        StringBuilder all = new StringBuilder("pages per table and index:");
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select d.name, m.tbl_name, sum(d.pgsize) from dbstat d "
                     + "join sqlite_master m on m.name = d.name group by d.name order by 3 desc")) {
            while (rows.next()) {
                all.append(' ').append(rows.getString(1)).append(' ').append(rows.getLong(3)).append(',');
                if ("domain_event_entry".equals(rows.getString(2))) {
                    eventTable += rows.getLong(3);
                }
            }
        }
        tables.add(all.substring(0, all.length() - 1));
        return eventTable;
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String files(Path directory) throws IOException {
        StringBuilder list = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> list.append(' ')
                    .append(directory.relativize(file)).append(' ').append(file.toFile().length()).append(" bytes"));
        }
        return list.toString();
    }

    private StoreRun postgres(String label, List<String> extra) throws Exception {
        return postgres(label, extra, null);
    }

    /** PostgreSQL; {@code tableSettings}, if given, is run once the application created its tables. */
    private StoreRun postgres(String label, List<String> extra, String tableSettings) throws Exception {
        Path data = Files.createTempDirectory("vigil-store-pg-");
        try (PostgresServer postgres = PostgresServer.start(data)) {
            List<String> arguments = new ArrayList<>(common());
            arguments.add("--spring.profiles.active=postgres");
            arguments.addAll(postgres.datasourceProperties());
            arguments.addAll(extra);
            long[] nanos;
            try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { })) {
                if (tableSettings != null) {
                    try (Connection connection = vigil.context().getBean(DataSource.class).getConnection();
                         java.sql.Statement statement = connection.createStatement()) {
                        statement.execute(tableSettings);
                    }
                }
                nanos = record(vigil);
            }
            long bytes = ((Number) postgres.value("select pg_total_relation_size('domain_event_entry')"))
                    .longValue();
            List<String> tables = new ArrayList<>();
            tables.add(String.format(Locale.ROOT, "heap %s, TOAST %s, indexes %s bytes",
                    postgres.value("select pg_relation_size('domain_event_entry')"),
                    postgres.value("select coalesce(pg_total_relation_size(reltoastrelid), 0) from pg_class "
                            + "where relname = 'domain_event_entry'"),
                    postgres.value("select pg_indexes_size('domain_event_entry')")));
            tables.add("event_hash, heap and indexes: "
                    + postgres.value("select pg_total_relation_size('event_hash')") + " bytes");
            tables.add("indexes: " + postgres.value("select string_agg(indexrelname || ' ' "
                    + "|| pg_relation_size(indexrelid) || ' bytes', ', ') from pg_stat_user_indexes "
                    + "where relname = 'domain_event_entry'"));
            Map.Entry<Long, Long> counts;
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                counts = eventTypes(connection, tables);
            }
            return new StoreRun(label, counts.getKey(), counts.getValue(), bytes,
                    "pg_total_relation_size('domain_event_entry') after the application stopped", tables, nanos);
        } finally {
            deleteRecursively(data);
        }
    }

    private static List<String> common() {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add("--server.address=127.0.0.1");
        arguments.addAll(RunningVigil.demoUsers());
        arguments.add("--logging.level.root=WARN");
        return arguments;
    }

    /** Starts a session at each chair and records the observation events, one command at a time. */
    private long[] record(RunningVigil vigil) {
        CommandGateway commands = vigil.context().getBean(CommandGateway.class);
        List<SessionId> sessions = new ArrayList<>();
        for (int chair = 1; chair <= CHAIRS; chair++) {
            sessions.add(vigil.startSession("chair-" + chair, "store-bench-" + chair, 72.5,
                    new BaselineVitals(120, 80, 72, 97)));
        }
        SimulatedObservations monitors = new SimulatedObservations(CHAIRS,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(events));
        int warmUp = events / 10;
        long[] nanos = new long[events - warmUp];
        for (int i = 0; i < events; i++) {
            int monitor = i % CHAIRS + 1;
            RecordObservationsCommand command = new RecordObservationsCommand(sessions.get(monitor - 1),
                    monitors.next(monitor));
            long start = System.nanoTime();
            commands.sendAndWait(command);
            if (i >= warmUp) {
                nanos[i - warmUp] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /**
     * Adds a line per stored event type (count, average payload and metadata bytes) to {@code tables}; answers
     * the number of observation events and of all others.
     */
    private static Map.Entry<Long, Long> eventTypes(Connection connection, List<String> tables)
            throws SQLException {
        long observations = 0;
        long others = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select payload_type, count(*), avg(length(payload)), "
                     + "avg(length(meta_data)) from domain_event_entry group by payload_type "
                     + "order by count(*) desc")) {
            while (rows.next()) {
                String type = rows.getString(1);
                long count = rows.getLong(2);
                tables.add(String.format(Locale.ROOT, "%s: %d events, payload %.0f bytes, metadata %.0f bytes "
                        + "on average", type, count, rows.getDouble(3), rows.getDouble(4)));
                if (type.contains("ObservationsRecorded")) {
                    observations += count;
                } else {
                    others += count;
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select payload, meta_data from domain_event_entry "
                     + "where payload_type like '%ObservationsRecorded%' order by global_index desc limit 1")) {
            if (rows.next()) {
                tables.add("last observation payload: " + printable(rows.getBytes(1)));
                tables.add("its metadata: " + printable(rows.getBytes(2)));
            }
        }
        return Map.entry(observations, others);
    }

    private static String printable(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? Character.toString(b) : String.format(Locale.ROOT, "\\x%02x", b));
        }
        return "`" + text + "`";
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
