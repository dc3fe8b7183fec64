package org.vigil.query.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.vigil.adapters.hl7.Hl7Counters;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.support.ProcessingGroups;

/**
 * The whole application as the integration tests start it: free HTTP and MLLP ports on loopback, the embedded
 * event store in a directory the benchmark owns, the demo users given on the command line, and the gateway
 * devices bound to chairs. Only warnings are logged, so the run's own output stays readable.
 */
final class BenchVigil implements AutoCloseable {

    static final String USER = "nurse";
    static final String PASSWORD = "demo";

    private final RunningVigil vigil;

    private BenchVigil(RunningVigil vigil) {
        this.vigil = vigil;
    }

    /** Starts Vigil on {@code dataDir}; {@code devices} maps each gateway device id to its chair. */
    static BenchVigil start(Path dataDir, Map<String, String> devices) {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.addAll(List.of(
                "--server.address=127.0.0.1",
                RunningVigil.dataDirectory(dataDir),
                "--vigil.users[0].name=" + USER, "--vigil.users[0].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[0].roles=NURSE",
                "--logging.level.root=WARN",
                // every load connection and alarm probe comes from loopback
                "--vigil.mllp.connections.per-address=256",
                "--logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=ERROR"));
        arguments.addAll(RunningVigil.devices(devices.entrySet().stream()
                .map(device -> device.getKey() + "=" + device.getValue()).toArray(String[]::new)));
        RunningVigil running = RunningVigil.launch(arguments, builder -> { });
        if (Boolean.getBoolean("bench.stop-read-models")) {
            // what the read models' processor costs the ingest: its CPU, and the store's one connection it holds
            // while it writes a batch (BENCHMARKS.md, "Ingest"); the screens' persisted views stop filling
            running.context().getBean(EventProcessingConfiguration.class)
                    .eventProcessor(ProcessingGroups.READ_MODELS_PROCESSOR).ifPresent(EventProcessor::shutDown);
        }
        return new BenchVigil(running);
    }

    int httpPort() {
        return vigil.httpPort();
    }

    int mllpPort() {
        return vigil.mllpPort();
    }

    Hl7Counters mllpStatistics() {
        return vigil.mllpStatistics();
    }

    /** How many device messages Vigil stored in one transaction: groups, mean and largest. */
    String groupSizes() {
        return groupSizes(vigil);
    }

    /** How many device messages {@code vigil} stored in one transaction: groups, mean and largest. */
    static String groupSizes(RunningVigil vigil) {
        DistributionSummary sizes = vigil.context().getBean(MeterRegistry.class).find("vigil.ingest.group.size")
                .summary();
        if (sizes == null) {
            return "one message to a transaction (this Vigil does not store in groups)";
        }
        return String.format(Locale.ROOT, "%d groups, %.1f messages on average, at most %.0f", sizes.count(),
                sizes.mean(), sizes.max());
    }

    /** Starts a session at {@code chair} with a pre-dose baseline of 120/80 mmHg, as a nurse's check-in does. */
    SessionId startSession(String chair) {
        return vigil.startSession(chair, "bench-" + chair, 72.5, new BaselineVitals(120, 80, 72, 97));
    }

    @Override
    public void close() {
        vigil.close();
    }
}
