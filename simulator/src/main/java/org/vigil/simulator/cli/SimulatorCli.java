package org.vigil.simulator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.SimulatorStatistics;
import org.vigil.simulator.mllp.MllpClientSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs a simulated clinic against an MLLP receiver from the command line and reports how the receiver
 * acknowledged it. Exit code 0 when every message was accepted, 1 when any was refused (AE/AR), went
 * unanswered, or none was acknowledged at all, 2 for a usage error.
 */
@Command(name = "vigil-simulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulated vital-sign monitors sending IHE PCD-01 (HL7 v2.6 ORU^R01) over MLLP, and simulated "
                + "infusion pumps answering the pump serial protocol on a pseudo-terminal or a terminal-server TCP "
                + "port, or sending PCD-01/PCD-10/PCD-04 pump messages over MLLP.")
public final class SimulatorCli implements Callable<Integer> {

    static final int FAILURES = 1;

    @Option(names = "--chairs", defaultValue = "6",
            description = "Number of chairs, one monitor each (default ${DEFAULT-VALUE}); 0 with --pump runs pumps only.")
    int chairs;

    @Option(names = "--scenario", split = ",", defaultValue = "normal", paramLabel = "NAME|chair-N=NAME",
            description = "Scenario for every chair, or chair-N=NAME for one chair; repeatable or comma-separated. "
                    + "Names: normal, severe-hypertension, tachycardia, desaturation, hypotension.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the clinic; chair n plays patient seed+n (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mllp", defaultValue = "localhost:2575", converter = HostPort.Converter.class,
            paramLabel = "HOST:PORT", description = "The MLLP receiver (default ${DEFAULT-VALUE}).")
    HostPort target;

    @Option(names = "--rate", defaultValue = "1.0", description = "Speed factor of simulated time (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "How long to run in wall-clock time, e.g. 30s, 5m; runs until interrupted when absent.")
    Duration duration;

    @Option(names = "--report-every", defaultValue = "10s", converter = DurationConverter.class,
            description = "How often to print the ACK statistics (default ${DEFAULT-VALUE}).")
    Duration reportEvery;

    @Option(names = "--ack-timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for each ACK (default ${DEFAULT-VALUE}).")
    Duration ackTimeout;

    @Option(names = "--pump", paramLabel = "SCENARIO[@TRANSPORT]",
            description = "Run a simulated infusion pump; repeatable, pump n stands at chair-n. Scenarios: "
                    + "normal, occlusion, rate-tenfold, door-open, stops-answering. Transport: serial:PATH "
                    + "(e.g. one end of a socat pty pair), tcp:[HOST:]PORT (listen as a terminal server, "
                    + "host 127.0.0.1 by default) or hl7 (PCD-01/-10/-04 to --mllp; the default).")
    List<String> pumps = new ArrayList<>();

    @Option(names = "--pump-weight", defaultValue = "70", paramLabel = "KG",
            description = "Patient weight for the pumps' 0.5 mg/kg over 40 min ketamine programme, kg (default ${DEFAULT-VALUE}).")
    double pumpWeightKg;

    @Option(names = "--pump-concentration", defaultValue = "1", paramLabel = "MG_PER_ML",
            description = "Ketamine concentration in the pumps, mg/mL (default ${DEFAULT-VALUE}).")
    double pumpConcentration;

    @Option(names = "--pump-hl7-every", defaultValue = "10s", converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "How often an HL7 pump sends PCD-01, in simulated time (default ${DEFAULT-VALUE}).")
    Duration pumpHl7Every;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public SimulatorCli() {
        this(Clock.systemUTC());
    }

    public SimulatorCli(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCli()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        List<PumpOption> pumpOptions = pumpOptions();
        List<MonitorSpec> monitors = monitors(!pumpOptions.isEmpty());
        if (!(rate > 0) || reportEvery.isZero() || reportEvery.isNegative() || ackTimeout.isNegative()
                || ackTimeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--rate, --report-every and --ack-timeout must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        MllpClientSettings mllpSettings = MllpClientSettings.defaults().withAckTimeout(ackTimeout);
        ClinicSimulator simulator = new ClinicSimulator(monitors, target.host(), target.port(), clock, rate,
                mllpSettings);
        PumpSimulators pumpSimulators = PumpSimulators.of(pumpOptions, pumpWeightKg, pumpConcentration, target,
                mllpSettings, pumpHl7Every, clock, rate);
        CountDownLatch finished = new CountDownLatch(1);
        Thread onShutdown = new Thread(() -> {
            simulator.stop();
            pumpSimulators.stop();
            finished.countDown();
        }, "vigil-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        if (!monitors.isEmpty()) {
            out.printf("%d monitors -> %s:%d, rate %.1fx, %s%n", monitors.size(), target.host(), target.port(), rate,
                    describe(monitors));
        }
        out.flush();
        try {
            if (!monitors.isEmpty()) {
                simulator.start();
            }
            pumpSimulators.start(out);
            runUntilDone(simulator, pumpSimulators, finished, out);
        } finally {
            simulator.stop();
            pumpSimulators.stop();
            removeHook(onShutdown);
        }
        if (!pumpOptions.isEmpty()) {
            out.println("final pump statistics:");
            out.print(pumpSimulators.summary());
        }
        if (monitors.isEmpty()) {
            out.flush();
            return pumpSimulators.hasFailures() ? FAILURES : 0;
        }
        SimulatorStatistics statistics = simulator.statistics();
        out.println("final ACK statistics:");
        out.print(statistics.summary());
        out.flush();
        if (statistics.total().accepted() == 0) {
            spec.commandLine().getErr().println("no message was acknowledged by " + target.host() + ":" + target.port());
            return FAILURES;
        }
        return statistics.hasFailures() ? FAILURES : 0;
    }

    private void runUntilDone(ClinicSimulator simulator, PumpSimulators pumps, CountDownLatch finished,
                              PrintWriter out)
            throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            long wait = Math.min(remaining, reportEvery.toNanos());
            if (finished.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (deadline - System.nanoTime() > 0) {
                if (simulator.isRunning()) {
                    out.print(simulator.statistics().summary());
                }
                if (!pumps.isEmpty()) {
                    out.print(pumps.summary());
                }
                out.flush();
            }
        }
    }

    private List<PumpOption> pumpOptions() {
        List<PumpOption> options = new ArrayList<>();
        for (String value : pumps) {
            try {
                options.add(PumpOption.parse(value));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (!options.isEmpty() && (!(pumpWeightKg > 0) || !(pumpConcentration > 0) || pumpHl7Every.isZero()
                || pumpHl7Every.isNegative())) {
            throw new ParameterException(spec.commandLine(),
                    "--pump-weight, --pump-concentration and --pump-hl7-every must be positive");
        }
        return options;
    }

    private List<MonitorSpec> monitors(boolean pumpsOnlyAllowed) {
        if (chairs == 0 && pumpsOnlyAllowed) {
            return List.of();
        }
        if (chairs < 1) {
            throw new ParameterException(spec.commandLine(), "--chairs must be at least 1 (or 0 with --pump)");
        }
        ScenarioAssignment assignment;
        try {
            assignment = ScenarioAssignment.parse(scenarios, chairs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<MonitorSpec> monitors = new ArrayList<>();
        for (int n = 1; n <= chairs; n++) {
            monitors.add(MonitorSpec.numbered(n, assignment.forChair(n), seed + n));
        }
        return monitors;
    }

    private static String describe(List<MonitorSpec> monitors) {
        List<String> parts = new ArrayList<>();
        for (MonitorSpec monitor : monitors) {
            parts.add(monitor.chairName() + "=" + monitor.scenario().name());
        }
        return String.join(", ", parts);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }
}
