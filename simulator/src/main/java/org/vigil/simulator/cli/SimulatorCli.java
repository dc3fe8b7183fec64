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
        description = "Simulated vital-sign monitors sending IHE PCD-01 (HL7 v2.6 ORU^R01) over MLLP.")
public final class SimulatorCli implements Callable<Integer> {

    static final int FAILURES = 1;

    @Option(names = "--chairs", defaultValue = "6", description = "Number of chairs, one monitor each (default ${DEFAULT-VALUE}).")
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
        List<MonitorSpec> monitors = monitors();
        if (!(rate > 0) || reportEvery.isZero() || reportEvery.isNegative() || ackTimeout.isNegative()
                || ackTimeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--rate, --report-every and --ack-timeout must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        ClinicSimulator simulator = new ClinicSimulator(monitors, target.host(), target.port(), clock, rate,
                MllpClientSettings.defaults().withAckTimeout(ackTimeout));
        CountDownLatch finished = new CountDownLatch(1);
        Thread onShutdown = new Thread(() -> {
            simulator.stop();
            finished.countDown();
        }, "vigil-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        out.printf("%d monitors -> %s:%d, rate %.1fx, %s%n", monitors.size(), target.host(), target.port(), rate,
                describe(monitors));
        out.flush();
        simulator.start();
        try {
            runUntilDone(simulator, finished, out);
        } finally {
            simulator.stop();
            removeHook(onShutdown);
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

    private void runUntilDone(ClinicSimulator simulator, CountDownLatch finished, PrintWriter out)
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
                out.print(simulator.statistics().summary());
                out.flush();
            }
        }
    }

    private List<MonitorSpec> monitors() {
        if (chairs < 1) {
            throw new ParameterException(spec.commandLine(), "--chairs must be at least 1");
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
