package org.vigil.query.durability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.load.LoadGenerator;
import org.vigil.simulator.load.LoadResult;
import org.vigil.simulator.load.LoadSettings;

/**
 * The clinic a durability test loads: the load generator's 4 devices {@code load-monitor-01..04}, each bound to
 * {@code chair-1..4}, where a session runs, so that every message is a command to a Session aggregate.
 */
final class LoadChairs {

    static final int CONNECTIONS = 4;
    private static final LoadSettings DEFAULTS = LoadSettings.of("127.0.0.1", 1).withConnections(CONNECTIONS);

    private LoadChairs() {
    }

    /** Device → chair. */
    static Map<String, String> bindings() {
        Map<String, String> bindings = new LinkedHashMap<>();
        IntStream.rangeClosed(1, CONNECTIONS).forEach(n -> bindings.put(DEFAULTS.deviceName(n), "chair-" + n));
        return bindings;
    }

    static List<String> devices() {
        return List.copyOf(bindings().keySet());
    }

    /** The application's command-line properties that bind the devices to their chairs. */
    static List<String> deviceProperties() {
        return RunningVigil.devices(bindings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    /** 4 connections to the MLLP listener on {@code port} for at most {@code duration}; each ACK awaited 5 s. */
    static LoadSettings load(int port, Duration duration) {
        return LoadSettings.of("127.0.0.1", port).withConnections(CONNECTIONS).withDuration(duration)
                .withAckTimeout(Duration.ofSeconds(5));
    }

    /** The body of {@code POST /api/sessions} that books a patient at {@code chair}; the session starts at once. */
    static String booking(String chair) {
        return """
                {"chairId":"%s","patientPseudonym":"P-%s","weightKg":72.5,"ageYears":44,"treatment":"IV_KETAMINE",
                 "baseline":{"systolic":124,"diastolic":78,"heartRate":70,"spo2":98}}
                """.formatted(chair, chair);
    }

    /** Runs {@code generator} on a thread of its own; the future completes with its result. */
    static CompletableFuture<LoadResult> inThread(LoadGenerator generator) {
        CompletableFuture<LoadResult> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(generator.run());
            } catch (InterruptedException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "durability-load");
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
