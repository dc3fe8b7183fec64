package org.vigil.query.influx;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.vigil.query.ReservedPorts;

/**
 * A real InfluxDB 1.x ({@code influxd} from Debian's {@code influxdb} package) for a test: on loopback, on free
 * ports, with its meta, data and WAL directories under a directory the test owns and a configuration file
 * written there. It is stopped through its process handle; it can be stopped and started again on the same
 * port and data, as InfluxDB going away and coming back.
 */
final class InfluxServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path directory;
    private final Path executable;
    private final int httpPort;
    private final int rpcPort;
    private final InfluxDB client;
    private Process process;

    private InfluxServer(Path directory, Path executable, int httpPort, int rpcPort) {
        this.directory = directory;
        this.executable = executable;
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
        this.client = InfluxDBFactory.connect(url());
    }

    /** Starts {@code influxd}; fails (never skips) when it is not installed. */
    static InfluxServer start(Path directory) {
        Path executable = locate().orElseThrow(() -> new IllegalStateException(
                "influxd is not installed: run ./test.sh (it installs Debian's influxdb package)"));
        InfluxServer server = new InfluxServer(directory, executable, ReservedPorts.free(), ReservedPorts.free());
        server.writeConfiguration();
        server.resume();
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Stops the server, as a crash or an outage would take it away; its data stays. */
    synchronized void halt() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts the server (again) on the same port and data, and waits until it answers {@code /ping}. */
    synchronized void resume() {
        if (process != null) {
            return;
        }
        try {
            process = new ProcessBuilder(executable.toString(), "-config", configFile().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        Process started = process;
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("influxd exited with " + started.exitValue() + ": " + log());
                }
                return answersPing();
            });
        } catch (RuntimeException e) {
            halt();
            throw new IllegalStateException("influxd did not start: " + log(), e);
        }
    }

    QueryResult query(String database, String influxQl) {
        QueryResult result = client.query(new Query(influxQl, database));
        if (result.hasError()) {
            throw new IllegalStateException(influxQl + " → " + result.getError());
        }
        result.getResults().stream().filter(QueryResult.Result::hasError).findFirst().ifPresent(r -> {
            throw new IllegalStateException(influxQl + " → " + r.getError());
        });
        return result;
    }

    @Override
    public void close() {
        halt();
        client.close();
    }

    private boolean answersPing() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void writeConfiguration() {
        String config = """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"

                [meta]
                  dir = "%s"

                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false

                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  auth-enabled = false
                  log-enabled = false

                [logging]
                  level = "warn"

                [monitor]
                  store-enabled = false

                [continuous_queries]
                  enabled = false
                """.formatted(rpcPort, directory.resolve("meta"), directory.resolve("data"),
                directory.resolve("wal"), httpPort);
        try {
            Files.writeString(configFile(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path configFile() {
        return directory.resolve("influxdb.conf");
    }

    private Path logFile() {
        return directory.resolve("influxd.log");
    }

    private String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile()) : "(no output)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> locate() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin"
                + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "influxd")).filter(Files::isExecutable).findFirst();
    }

}
