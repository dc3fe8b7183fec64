package org.vigil.query.durability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vigil.query.ReservedPorts;
import org.vigil.query.RunningVigil;
import org.vigil.query.VigilApplication;

/**
 * Vigil in a JVM of its own, started as an operator starts it ({@code java -cp … VigilApplication} with
 * command-line properties, the test's own classpath), on loopback ports chosen here, so that a test can kill it
 * as a power cut or the kernel's OOM killer would: SIGKILL, no shutdown hook, nothing flushed.
 * {@link #close()} kills it by its pid if it still runs.
 */
final class ForkedVigil implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int mllpPort;

    private ForkedVigil(Process process, Path log, int httpPort, int mllpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.mllpPort = mllpPort;
    }

    /**
     * Starts Vigil with {@code properties} (store, users, devices) and waits until it answers on HTTP, which it
     * does last, after the MLLP listener opened. Its output goes to {@code log}; a start that fails or hangs
     * ends the child and throws with the end of that log.
     */
    static ForkedVigil start(Path log, List<String> properties) {
        int http = ReservedPorts.free();
        int mllp = ReservedPorts.free();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                VigilApplication.class.getName(),
                "--server.address=127.0.0.1", "--server.port=" + http,
                "--vigil.mllp.host=127.0.0.1", "--vigil.mllp.port=" + mllp));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for Vigil: " + command.get(0), e);
        }
        ForkedVigil vigil = new ForkedVigil(process, log, http, mllp);
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(vigil::ready);
        } catch (RuntimeException e) {
            vigil.close();
            throw new IllegalStateException("Vigil in its own JVM (pid " + process.pid() + ") did not start: "
                    + e.getMessage() + "\n--- errors in its log " + log + " ---\n" + vigil.logErrors(15)
                    + "\n--- end of its log ---\n" + vigil.logTail(40), e);
        }
        return vigil;
    }

    int mllpPort() {
        return mllpPort;
    }

    /** POST as the nurse (password {@code demo}); the body of a 2xx answer. */
    String post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", RunningVigil.basic("nurse"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * Logs in through the login form as a browser does (user {@code user}, password {@code demo}), with the token
     * of a fresh form.
     *
     * @return the session cookie the browser would keep, {@code name=value}
     */
    String logIn(String user) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET().build());
        String token = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String csrfCookie = cookie(form, "XSRF-TOKEN=");
        HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(uri("/login")).header("Cookie", csrfCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + token))
                .build());
        if (loggedIn.statusCode() != 302 || loggedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + user + " refused: " + loggedIn.statusCode() + " "
                    + loggedIn.headers().map());
        }
        return cookie(loggedIn, "SESSION=", "JSESSIONID=");
    }

    private static String cookie(HttpResponse<String> response, String... prefixes) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> Arrays.stream(prefixes).anyMatch(c::startsWith))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + String.join(" or ", prefixes) + " cookie in "
                        + response.headers().map()));
    }

    /** {@code GET path} with the browser's session cookie {@code cookie}, as a page's script asks. */
    HttpResponse<String> getWithCookie(String path, String cookie) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).GET().build());
    }

    /** The HTTP status of {@code GET path}, unauthenticated: e.g. 200 or 503 for {@code /actuator/health/…}. */
    int status(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build()).statusCode();
    }

    /** The exit code once the process ended on its own within {@code atMost}; fails when it still runs. */
    int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Vigil (pid " + process.pid() + ") still runs after " + atMost
                        + "; its log:\n" + logTail(30));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Vigil (pid " + process.pid() + ") still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last {@code lines} lines of the child's output. */
    String logTail(int lines) {
        List<String> all = logLines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The first {@code lines} lines of the child's output that log an error or its cause. */
    String logErrors(int lines) {
        return String.join("\n", logLines().stream()
                .filter(line -> line.contains(" ERROR ") || line.startsWith("Caused by:")).limit(lines).toList());
    }

    private List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e + ")");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("it exited with code " + process.exitValue());
        }
        try {
            return send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).GET()
                    .build()).statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
