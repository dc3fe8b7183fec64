package org.vigil.query.postgres;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 16 server for one test: its own data directory, a free port on loopback, stopped by
 * {@link #close()}. Superuser {@code postgres}, database {@code postgres}, trust authentication. A test can stop
 * it as a crash would ({@link #stopImmediately()}) and start it again on the same data and port
 * ({@link #startAgain()}).
 */
public final class PostgresServer implements AutoCloseable {

    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final List<String> postmaster;
    private Process restarted;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.postmaster = postmasterCommand(dataDir);
    }

    public static PostgresServer start(Path dataDir) {
        try {
            InitialisedCluster.copyTo(dataDir);
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start(), dataDir);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL server in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /**
     * {@code pg_ctl stop -m immediate}: the postmaster and every backend quit at once, without a checkpoint, as
     * after a crash; open connections break and new ones are refused. Returns when the server is gone.
     */
    public void stopImmediately() {
        run(asServerUser(List.of(sibling("pg_ctl"), "-D", dataDir.toString(), "stop", "-m", "immediate", "-w",
                "-t", "60")));
    }

    /**
     * Starts the server again, on the same data directory and port with the same settings, after
     * {@link #stopImmediately()}; it recovers from its write-ahead log. Returns when it accepts connections.
     */
    public void startAgain() {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-restart.log");
        try {
            restarted = new ProcessBuilder(asServerUser(postmaster)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL again: " + postmaster, e);
        }
        try {
            await().atMost(RESTART_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        try (var connection = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
                            return connection.isValid(1);
                        }
                    });
        } catch (RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start again on " + dataDir + "; its log:\n"
                    + read(log), e);
        }
    }

    /** The application's command-line properties that point it at this server. */
    public List<String> datasourceProperties() {
        return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }

    /** Every row of {@code sql}, each as column label → value, in the order the query returns them. */
    public List<Map<String, Object>> rows(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** The single value of a query that returns one row with one column. */
    public Object value(String sql) {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    /**
     * Runs {@code sql} in a transaction that stays open, holding the locks it takes, until the returned handle is
     * closed: for a store that stops answering while the server itself is fine.
     */
    AutoCloseable holding(String sql) {
        try {
            Connection connection = postgres.getPostgresDatabase().getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return () -> {
                connection.rollback();
                connection.close();
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    /** Stops the server, whichever process runs it now; its data stays in the directory the test gave it. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (restarted != null && restarted.isAlive()) {
                restarted.destroyForcibly();
            }
        }
    }

    /** The running postmaster's command line, read from its pid file and the process table. */
    private static List<String> postmasterCommand(Path dataDir) {
        long pid = Long.parseLong(read(dataDir.resolve("postmaster.pid")).lines().findFirst().orElseThrow().strip());
        ProcessHandle.Info info = ProcessHandle.of(pid).orElseThrow(() ->
                new IllegalStateException("no postmaster with pid " + pid)).info();
        List<String> command = new ArrayList<>();
        command.add(info.command().orElseThrow(() -> new IllegalStateException("no command line for pid " + pid)));
        command.addAll(List.of(info.arguments().orElseThrow()));
        return List.copyOf(command);
    }

    /**
     * PostgreSQL refuses to run as root: where the library runs its binaries in a user namespace of their own
     * ({@code unshare -U}, as an unprivileged user), so does this class.
     */
    private static List<String> asServerUser(List<String> command) {
        if (!LinuxUtils.isUnshareAvailable()) {
            return command;
        }
        List<String> unshared = new ArrayList<>(List.of("unshare", "-U"));
        unshared.addAll(command);
        return unshared;
    }

    /** A program next to the {@code postgres} binary, e.g. {@code pg_ctl}. */
    private String sibling(String program) {
        return Path.of(postmaster.get(0)).resolveSibling(program).toString();
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
