package org.vigil.query.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.vigil.query.RunningVigil;

/**
 * Starts Vigil in a JVM of its own with the store named by its arguments ({@link BenchStore#arguments()}), prints
 * {@code READY <ms>} — the JVM's uptime when the application is ready, its MLLP listener open — and stops.
 * {@link ReadModelsBenchmark} runs it.
 */
public final class StartupProbe {

    static final String READY = "READY ";

    private StartupProbe() {
    }

    @SuppressWarnings("try") // the application only has to start and stop
    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add("--server.address=127.0.0.1");
        arguments.addAll(List.of(args));
        arguments.addAll(ClinicHistory.chairs());
        arguments.addAll(List.of("--logging.level.root=WARN",
                "--logging.level.org.vigil.query.chairs.LiveViewStart=INFO"));
        try (RunningVigil vigil = RunningVigil.launch(arguments, builder -> { })) {
            System.out.println(READY + ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.flush();
        }
        System.exit(0);
    }
}
