package org.vigil.query.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.adapters.mllp.MllpStatistics;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.VigilApplication;
import org.vigil.query.ingest.MllpGateway;

/**
 * The whole application as the integration tests start it: free HTTP and MLLP ports on loopback, the embedded
 * H2 event store in a directory the benchmark owns, the demo users given on the command line, and the gateway
 * devices bound to chairs. Only warnings are logged, so the run's own output stays readable.
 */
final class BenchVigil implements AutoCloseable {

    static final String USER = "nurse";
    static final String PASSWORD = "demo";

    private final ConfigurableApplicationContext context;

    private BenchVigil(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts Vigil on {@code dataDir}; {@code devices} maps each gateway device id to its chair. */
    static BenchVigil start(Path dataDir, Map<String, String> devices) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--vigil.mllp.port=0",
                "--vigil.mllp.host=127.0.0.1",
                "--vigil.data-dir=" + dataDir.toAbsolutePath(),
                "--vigil.users[0].name=" + USER, "--vigil.users[0].password={noop}" + PASSWORD,
                "--vigil.users[0].roles=NURSE",
                "--logging.level.root=WARN",
                "--logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=ERROR"));
        int i = 0;
        for (Map.Entry<String, String> device : devices.entrySet()) {
            arguments.add("--vigil.devices[" + i + "].id=" + device.getKey());
            arguments.add("--vigil.devices[" + i + "].chair=" + device.getValue());
            i++;
        }
        return new BenchVigil(new SpringApplicationBuilder(VigilApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int httpPort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    int mllpPort() {
        return context.getBean(MllpGateway.class).port();
    }

    MllpStatistics mllpStatistics() {
        return context.getBean(MllpGateway.class).statistics();
    }

    /** Starts a session at {@code chair} with a pre-dose baseline of 120/80 mmHg, as a nurse's check-in does. */
    SessionId startSession(String chair) {
        SessionId id = SessionId.random();
        context.getBean(CommandGateway.class).sendAndWait(new StartSessionCommand(id, new ChairId(chair),
                "bench-" + chair, 72.5, 44, Treatment.IV_KETAMINE, new BaselineVitals(120, 80, 72, 97),
                context.getBean(ClinicProtocol.class).ref(), Clock.systemUTC().instant()));
        return id;
    }

    @Override
    public void close() {
        context.close();
    }
}
