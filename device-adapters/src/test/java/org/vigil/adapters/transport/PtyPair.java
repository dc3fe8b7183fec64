package org.vigil.adapters.transport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined by a socat process: a null-modem cable for tests. Whatever is written to one end is
 * read from the other, through the same serial-port calls a real RS-232 port takes. The ends are stable links
 * ({@link #a()}, {@link #b()}) that survive {@link #kill()} and {@link #restart()}, like a USB adapter unplugged
 * and plugged back in. Use it in try-with-resources (or close it in an {@code @AfterEach}) so that no socat process
 * outlives its test.
 */
public final class PtyPair implements AutoCloseable {

    private static final String MISSING = "socat is not installed: run ./test.sh, which installs it";

    private final Path a;
    private final Path b;
    private final Path log;
    private Process process;

    private PtyPair(Path directory) {
        this.a = directory.resolve("a");
        this.b = directory.resolve("b");
        this.log = directory.resolve("socat.log");
    }

    /** Starts socat with its two links in {@code directory} and waits until both ends can be opened. */
    public static PtyPair start(Path directory) {
        PtyPair pair = new PtyPair(directory);
        pair.restart();
        return pair;
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts socat again with the same links, after {@link #kill()}. */
    public void restart() {
        if (isRunning()) {
            throw new IllegalStateException("socat is still running");
        }
        deleteLinks();
        ProcessBuilder builder = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException notFound) {
            throw new IllegalStateException(MISSING, notFound);
        }
        try {
            await().atMost(5, TimeUnit.SECONDS)
                    .failFast(() -> !process.isAlive())
                    .until(() -> Files.exists(a) && Files.exists(b) && logText().contains("starting data transfer loop"));
        } catch (RuntimeException notReady) {
            kill();
            throw new IllegalStateException("socat did not make its pseudo-terminals; its log:\n" + logText(), notReady);
        }
    }

    /** Ends socat as a cable pull would: both pseudo-terminals vanish. Waits until the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteLinks();
    }

    @Override
    public void close() {
        kill();
    }

    private void deleteLinks() {
        try {
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException failure) {
            return "(log unreadable: " + failure.getMessage() + ")";
        }
    }
}
