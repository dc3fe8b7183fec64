package org.vigil.simulator.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.SimulatorStatistics;
import org.vigil.simulator.intellivue.ImpersonatorConfig;
import org.vigil.simulator.intellivue.IntelliVueLink;
import org.vigil.simulator.masimo.OximeterFault;
import org.vigil.simulator.mllp.MllpClientSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs a simulated clinic from the command line. With {@code --protocol hl7} (the default) the monitors send to
 * an MLLP receiver and the run reports how it acknowledged them: exit code 0 when every message was accepted, 1
 * when any was refused (AE/AR), went unanswered, or none was acknowledged at all. With {@code --protocol
 * intellivue} each monitor serves the IntelliVue Data Export protocol on a serial device or a TCP port and waits
 * to be polled: exit code 0 when any monitor was polled, 1 when none was or a port could not be opened. With
 * {@code --protocol masimo} each chair has a Masimo pulse oximeter writing its ASCII 1 lines on a serial device or a
 * TCP port: exit code 0 when any line was written, 1 when none was or a port could not be opened. 2 is a usage
 * error.
 */
@Command(name = "vigil-simulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulated vital-sign monitors: IHE PCD-01 (HL7 v2.6 ORU^R01) sent over MLLP, or Philips "
                + "IntelliVue Data Export served on serial devices or TCP ports, or Masimo pulse oximeters writing "
                + "ASCII 1 lines on them; and simulated infusion pumps "
                + "answering the pump serial protocol on a pseudo-terminal or a terminal-server TCP port, or sending "
                + "PCD-01/PCD-10/PCD-04 pump messages over MLLP.")
public final class SimulatorCli implements Callable<Integer> {

    static final int FAILURES = 1;
    static final String HL7 = "hl7";
    static final String INTELLIVUE = "intellivue";
    static final String MASIMO = "masimo";

    @Option(names = "--protocol", defaultValue = HL7, paramLabel = "hl7|intellivue|masimo",
            description = "What the monitors speak: PCD-01 sent to an MLLP receiver (hl7), IntelliVue Data Export "
                    + "served for a client to poll (intellivue), or a Masimo oximeter's ASCII 1 lines written each "
                    + "second (masimo). Default ${DEFAULT-VALUE}.")
    String protocol;

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
            paramLabel = "HOST:PORT", description = "hl7: the MLLP receiver (default ${DEFAULT-VALUE}).")
    HostPort target;

    @Option(names = "--serial", paramLabel = "PATH",
            description = "intellivue, masimo: the serial device of the next chair, repeatable, one per chair in order. It "
                    + "must be raw, e.g. a pseudo-terminal made by socat with pty,raw,echo=0,link=PATH; it may "
                    + "vanish and reappear.")
    List<Path> serialPaths = new ArrayList<>();

    @Option(names = "--tcp-listen", paramLabel = "PORT",
            description = "intellivue, masimo: serve chair n on TCP port PORT+n-1, as a serial-to-Ethernet terminal server "
                    + "would; one client per port, a new client replaces the previous one.")
    Integer tcpListen;

    @Option(names = "--tcp-bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "intellivue, masimo: the address the TCP ports listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for "
                    + "every interface).")
    String tcpBind;

    @Option(names = "--relative-time-start", defaultValue = "0", paramLabel = "TICKS",
            description = "intellivue: the monitors' 32-bit RelativeTime at start (default ${DEFAULT-VALUE}); it "
                    + "counts 8000 a second, so 4294943296 wraps it 3 s after the start.")
    long relativeTimeStart;

    @Option(names = "--monitor-zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "intellivue, masimo: the zone of the monitors' wall clock (default ${DEFAULT-VALUE}); configure the "
                    + "adapter with the same zone.")
    String monitorZone;

    @Option(names = "--sensor-off", paramLabel = "FROM-UNTIL",
            description = "masimo: the sensor slips off every oximeter from FROM until UNTIL of simulated time, e.g. "
                    + "60s-80s; repeatable.")
    List<String> sensorOff = new ArrayList<>();

    @Option(names = "--rate", defaultValue = "1.0", description = "Speed factor of simulated time (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "How long to run in wall-clock time, e.g. 30s, 5m; runs until interrupted when absent.")
    Duration duration;

    @Option(names = "--report-every", defaultValue = "10s", converter = DurationConverter.class,
            description = "How often to print the statistics (default ${DEFAULT-VALUE}).")
    Duration reportEvery;

    @Option(names = "--ack-timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "hl7: how long to wait for each ACK (default ${DEFAULT-VALUE}).")
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
        if (!(rate > 0) || reportEvery.isZero() || reportEvery.isNegative() || ackTimeout.isNegative()
                || ackTimeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--rate, --report-every and --ack-timeout must be positive");
        }
        if (!MASIMO.equals(protocol) && !sensorOff.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--sensor-off needs --protocol masimo");
        }
        if (INTELLIVUE.equals(protocol)) {
            return runIntelliVue();
        }
        if (MASIMO.equals(protocol)) {
            return runMasimo();
        }
        if (!HL7.equals(protocol)) {
            throw new ParameterException(spec.commandLine(),
                    "--protocol must be hl7, intellivue or masimo, was '" + protocol + "'");
        }
        if (!serialPaths.isEmpty() || tcpListen != null) {
            throw new ParameterException(spec.commandLine(),
                    "--serial and --tcp-listen need --protocol intellivue or masimo");
        }
        return runHl7();
    }

    private int runHl7() throws InterruptedException {
        List<PumpOption> pumpOptions = pumpOptions();
        List<MonitorSpec> monitors = monitors(chairs, !pumpOptions.isEmpty());
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
            runUntilDone(() -> summary(simulator, pumpSimulators), finished, out);
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

    private int runIntelliVue() throws InterruptedException {
        List<IntelliVueLink> links = intelliVueLinks();
        List<MonitorSpec> monitors = monitors(links.size(), false);
        IntelliVueClinic clinic;
        try {
            ImpersonatorConfig config = ImpersonatorConfig.defaults()
                    .withZone(ZoneId.of(monitorZone))
                    .withInitialRelativeTime(relativeTimeStart);
            clinic = new IntelliVueClinic(monitors, links, config, clock, rate);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--monitor-zone or --relative-time-start: " + e.getMessage());
        }
        return serve(clinic, String.format(Locale.ROOT, "%d IntelliVue monitors, rate %.1fx, %s", monitors.size(),
                rate, describe(monitors, links)), "IntelliVue", "no client polled any monitor");
    }

    private int runMasimo() throws InterruptedException {
        List<IntelliVueLink> links = intelliVueLinks();
        List<MonitorSpec> monitors = monitors(links.size(), false);
        MasimoClinic clinic;
        try {
            clinic = new MasimoClinic(monitors, links, sensorFaults(), ZoneId.of(monitorZone), clock, rate);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--monitor-zone or --sensor-off: " + e.getMessage());
        }
        return serve(clinic, String.format(Locale.ROOT, "%d Masimo oximeters, rate %.1fx, %s", monitors.size(),
                rate, describe(monitors, links)), "Masimo", "no oximeter wrote a line");
    }

    /** Runs devices that serve their own links until the duration ends or the JVM stops; 0 when any was used. */
    private int serve(ServedClinic clinic, String banner, String name, String unused) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onShutdown = new Thread(() -> {
            clinic.stop();
            finished.countDown();
        }, "vigil-sim-shutdown");
        out.println(banner);
        out.flush();
        try {
            clinic.start();
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println(e.getMessage() + ": " + e.getCause().getMessage());
            return FAILURES;
        }
        Runtime.getRuntime().addShutdownHook(onShutdown);
        try {
            runUntilDone(clinic::summary, finished, out);
        } finally {
            clinic.stop();
            removeHook(onShutdown);
        }
        out.println("final " + name + " statistics:");
        out.print(clinic.summary());
        out.flush();
        if (!clinic.used()) {
            spec.commandLine().getErr().println(unused);
            return FAILURES;
        }
        return 0;
    }

    private List<OximeterFault> sensorFaults() {
        DurationConverter durations = new DurationConverter();
        List<OximeterFault> faults = new ArrayList<>();
        for (String window : sensorOff) {
            String[] parts = window.split("-", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + window + "' is not FROM-UNTIL, e.g. 60s-80s");
            }
            faults.add(OximeterFault.sensorOff(durations.convert(parts[0]), durations.convert(parts[1])));
        }
        return faults;
    }

    private List<IntelliVueLink> intelliVueLinks() {
        if (serialPaths.isEmpty() == (tcpListen == null)) {
            throw new ParameterException(spec.commandLine(),
                    "--protocol " + protocol + " needs either --serial or --tcp-listen");
        }
        List<IntelliVueLink> links = new ArrayList<>();
        if (!serialPaths.isEmpty()) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--chairs") && chairs != serialPaths.size()) {
                throw new ParameterException(spec.commandLine(),
                        "--chairs " + chairs + " but " + serialPaths.size() + " --serial paths: one path per chair");
            }
            serialPaths.forEach(path -> links.add(IntelliVueLink.serial(path)));
            return links;
        }
        if (chairs < 1) {
            throw new ParameterException(spec.commandLine(), "--chairs must be at least 1");
        }
        if (tcpListen < 1 || tcpListen + chairs - 1 > 65_535) {
            throw new ParameterException(spec.commandLine(),
                    "--tcp-listen " + tcpListen + " with " + chairs + " chairs leaves the TCP port range");
        }
        for (int n = 1; n <= chairs; n++) {
            links.add(IntelliVueLink.tcpListener(new InetSocketAddress(tcpBind, tcpListen + n - 1)));
        }
        return links;
    }

    private void runUntilDone(Supplier<String> report, CountDownLatch finished, PrintWriter out)
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
                out.print(report.get());
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

    private static String summary(ClinicSimulator simulator, PumpSimulators pumps) {
        StringBuilder text = new StringBuilder();
        if (simulator.isRunning()) {
            text.append(simulator.statistics().summary());
        }
        if (!pumps.isEmpty()) {
            text.append(pumps.summary());
        }
        return text.toString();
    }

    private List<MonitorSpec> monitors(int count, boolean pumpsOnlyAllowed) {
        if (count == 0 && pumpsOnlyAllowed) {
            return List.of();
        }
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--chairs must be at least 1 (or 0 with --pump)");
        }
        ScenarioAssignment assignment;
        try {
            assignment = ScenarioAssignment.parse(scenarios, count);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<MonitorSpec> monitors = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
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

    private static String describe(List<MonitorSpec> monitors, List<IntelliVueLink> links) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < monitors.size(); i++) {
            parts.add(monitors.get(i).chairName() + "=" + monitors.get(i).scenario().name() + " on "
                    + links.get(i).description());
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
