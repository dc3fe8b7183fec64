package org.vigil.simulator.pump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.mllp.DeliveryStatistics;
import org.vigil.simulator.mllp.MllpClient;
import org.vigil.simulator.mllp.MllpClientSettings;

/**
 * One simulated infusion pump running a {@link PumpScenario} in simulated time, reachable the ways a real pump
 * is: its RS-232 port as a path (a socat pseudo-terminal), a terminal server's TCP port, and, through a gateway,
 * HL7 over MLLP (periodic PCD-01, PCD-10 events on every change of state, PCD-04 alarm start and end). Any of the
 * three may be on at once; they share one pump.
 *
 * <p>A driver thread lets the model's time run (every 20 ms of wall time), applies the scenario's actions at their
 * exact simulated times and turns the model's events into HL7 messages; the serial and TCP endpoints answer each
 * command from the model brought up to the moment of the command. {@link #truth()} is the model's own account of
 * what it delivered. {@link #start()} once; {@link #stop()} closes every port and returns when the threads have
 * ended (or after two seconds).
 */
public final class SimulatedPump implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPump.class);
    private static final long DRIVER_PERIOD_MILLIS = 20;
    private static final int HL7_BACKLOG = 10_000;
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final Builder settings;
    private final PumpScenario scenario;
    private final PumpModel model;
    private final PumpResponder responder;
    private final ScenarioPlayer player;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final BlockingQueue<PumpRunner.Outgoing> hl7Queue = new LinkedBlockingQueue<>(HL7_BACKLOG);
    private final Map<PumpAlarmCode, String> openAlarms = new EnumMap<>(PumpAlarmCode.class);
    private final List<Thread> threads = new ArrayList<>();
    private PumpTime time;
    private PtyEndpoint serial;
    private TerminalServerEndpoint terminalServer;
    private MllpClient mllp;
    private String controlIdPrefix;
    private long sequence;
    private Duration nextPeriodic = Duration.ZERO;
    private long commandsReceived;
    private long badFrames;
    private long repliesSent;
    private long commandsIgnored;
    private long hl7Queued;
    private long hl7Dropped;

    private SimulatedPump(Builder settings) {
        this.settings = settings;
        this.scenario = settings.scenario;
        this.model = new PumpModel(scenario.programme());
        this.responder = new PumpResponder(settings.identity.serialNumber(), settings.zone,
                settings.remoteControlLocked);
        this.player = new ScenarioPlayer(scenario, model);
    }

    public static Builder builder(PumpScenario scenario) {
        return new Builder(scenario);
    }

    /** Opens the configured ports and starts the scenario: simulated time 0 is now. Starts only once. */
    public synchronized void start() {
        if (time != null || stop.getCount() == 0) {
            throw new IllegalStateException("a simulated pump starts once; build a new one to run again");
        }
        time = new PumpTime(settings.clock, settings.speed);
        controlIdPrefix = settings.identity.deviceName() + "-" + Long.toString(time.deviceStart().getEpochSecond(), 36)
                + "-";
        String name = settings.identity.deviceName();
        if (settings.serialPath != null) {
            serial = new PtyEndpoint(settings.serialPath, this::receive, stop);
            threads.add(daemon(serial, "vigil-sim-" + name + "-serial"));
        }
        if (settings.tcpHost != null) {
            try {
                terminalServer = new TerminalServerEndpoint(settings.tcpHost, settings.tcpPort, this::receive, stop);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + settings.tcpHost + ":" + settings.tcpPort, e);
            }
            threads.add(daemon(terminalServer, "vigil-sim-" + name + "-tcp"));
        }
        if (settings.mllpHost != null) {
            mllp = new MllpClient(name, settings.mllpHost, settings.mllpPort, settings.mllpSettings);
            threads.add(daemon(new PumpRunner(name, hl7Queue, mllp, stop), "vigil-sim-" + name + "-hl7"));
        }
        threads.add(daemon(this::drive, "vigil-sim-" + name));
        threads.forEach(Thread::start);
        LOG.info("simulated pump {} started: scenario {}, {}x speed", name, scenario.name(), settings.speed);
    }

    /** Stops the pump and closes its ports; safe to call more than once. */
    public void stop() {
        List<Thread> running;
        synchronized (this) {
            stop.countDown();
            if (terminalServer != null) {
                terminalServer.close();
            }
            if (mllp != null) {
                mllp.close();
            }
            running = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread thread : running) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public PumpIdentity identity() {
        return settings.identity;
    }

    public PumpScenario scenario() {
        return scenario;
    }

    /** The terminal-server port actually bound (useful with port 0); 0 when TCP is off or before start. */
    public synchronized int tcpPort() {
        return terminalServer == null ? 0 : terminalServer.port();
    }

    /** What the pump actually delivered up to now, by its own model. */
    public synchronized PumpTruth truth() {
        advance();
        return PumpTruth.of(model.snapshot());
    }

    public synchronized PumpSnapshot snapshot() {
        advance();
        return model.snapshot();
    }

    public synchronized PumpStatistics statistics() {
        return new PumpStatistics(commandsReceived, badFrames, repliesSent, commandsIgnored,
                serial == null ? 0 : serial.opens(), terminalServer == null ? 0 : terminalServer.connections(),
                hl7Queued, hl7Dropped, mllp == null ? DeliveryStatistics.NONE : mllp.statistics());
    }

    /** Ends an alarm condition, as a nurse clearing an occlusion does; the infusion stays stopped. */
    public synchronized void clearAlarm(PumpAlarmCode alarm) {
        advance();
        model.clear(alarm);
        publish(model.drainEvents());
    }

    public synchronized void raiseAlarm(PumpAlarmCode alarm) {
        advance();
        model.raise(alarm);
        publish(model.drainEvents());
    }

    /** Starts or resumes the infusion at the pump's keys; false when it cannot start. */
    public synchronized boolean startInfusion() {
        advance();
        boolean started = model.start();
        publish(model.drainEvents());
        return started;
    }

    private synchronized List<byte[]> receive(CommandFramer framer, byte[] bytes, int length) {
        advance();
        long badBefore = framer.badFrames();
        List<String> commands = framer.feed(bytes, length);
        badFrames += framer.badFrames() - badBefore;
        List<byte[]> replies = new ArrayList<>(commands.size());
        Duration elapsed = time.elapsed();
        boolean silent = player.silentAt(elapsed);
        for (String command : commands) {
            commandsReceived++;
            if (silent) {
                commandsIgnored++;
                continue;
            }
            replies.add(ReplyFrames.frame(responder.respond(command, model, elapsed, time.deviceTime(elapsed))));
            repliesSent++;
        }
        publish(model.drainEvents());
        return replies;
    }

    private void drive() {
        try {
            do {
                synchronized (this) {
                    advance();
                    sendPeriodic();
                }
            } while (!stop.await(DRIVER_PERIOD_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: pump stopped by an unexpected error", settings.identity.deviceName(), e);
        }
    }

    /** Runs the model and the scenario up to now; called with the lock held. */
    private void advance() {
        if (time == null) {
            return;
        }
        player.advanceTo(time.elapsed());
        publish(model.drainEvents());
    }

    private void sendPeriodic() {
        if (mllp == null) {
            return;
        }
        PumpSnapshot snapshot = model.snapshot();
        if (snapshot.elapsed().compareTo(nextPeriodic) < 0) {
            return;
        }
        while (nextPeriodic.compareTo(snapshot.elapsed()) <= 0) {
            nextPeriodic = nextPeriodic.plus(settings.hl7Interval);
        }
        String id = nextControlId();
        queue(id, Pcd01PumpEncoder.encode(settings.identity, id, time.deviceTime(snapshot.elapsed()), snapshot));
    }

    private void publish(List<PumpEvent> events) {
        if (mllp == null) {
            return;
        }
        for (PumpEvent event : events) {
            Instant at = time.deviceTime(event.after().elapsed());
            String id = nextControlId();
            switch (event.kind()) {
                case ALARM_RAISED -> {
                    openAlarms.put(event.alarm(), id);
                    queue(id, Pcd04AlarmEncoder.encode(settings.identity, id, at, event.alarm(),
                            Pcd04AlarmEncoder.Phase.START, id, null));
                }
                case ALARM_CLEARED -> queue(id, Pcd04AlarmEncoder.encode(settings.identity, id, at, event.alarm(),
                        Pcd04AlarmEncoder.Phase.END, id, openAlarms.remove(event.alarm())));
                default -> queue(id, Pcd10EventEncoder.encode(settings.identity, id, at, event));
            }
        }
    }

    private void queue(String controlId, String text) {
        if (hl7Queue.offer(new PumpRunner.Outgoing(controlId, text))) {
            hl7Queued++;
        } else {
            hl7Dropped++;
        }
    }

    private String nextControlId() {
        return controlIdPrefix + (++sequence);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** How to run a simulated pump; at least one of serial, TCP or HL7 should be set for it to be reachable. */
    public static final class Builder {

        private final PumpScenario scenario;
        private PumpIdentity identity = PumpIdentity.numbered(1);
        private Clock clock = Clock.systemUTC();
        private double speed = 1.0;
        private ZoneId zone = ZoneId.of("UTC");
        private Path serialPath;
        private String tcpHost;
        private int tcpPort;
        private String mllpHost;
        private int mllpPort;
        private MllpClientSettings mllpSettings = MllpClientSettings.defaults();
        private Duration hl7Interval = Duration.ofSeconds(10);
        private boolean remoteControlLocked;

        private Builder(PumpScenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
        }

        public Builder identity(PumpIdentity value) {
            identity = Objects.requireNonNull(value, "identity");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** 1.0 is real time; 600 runs a 40-minute infusion in 4 seconds. */
        public Builder speed(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("speed must be a positive number: " + value);
            }
            speed = value;
            return this;
        }

        /** The zone the pump's clock is set to (its status replies' timestamp); UTC by default. */
        public Builder clockZone(ZoneId value) {
            zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /**
         * Refuses remote control ({@code NAK^REMOTE_CTRL^LOCKED}), as a pump whose service menu forbids it: it
         * reports as usual and ignores every command that would change what it does.
         */
        public Builder remoteControlLocked() {
            remoteControlLocked = true;
            return this;
        }

        /** Answers the serial protocol on this path, e.g. one end of a socat pseudo-terminal pair. */
        public Builder serialPort(Path path) {
            serialPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Answers the serial protocol on a TCP port, as a terminal server does; port 0 picks a free one. */
        public Builder terminalServer(String host, int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            tcpHost = Objects.requireNonNull(host, "host");
            tcpPort = port;
            return this;
        }

        /** Sends HL7 (PCD-01 every {@code interval} of simulated time, PCD-10, PCD-04) to an MLLP receiver. */
        public Builder hl7(String host, int port, MllpClientSettings settings, Duration interval) {
            mllpHost = Objects.requireNonNull(host, "host");
            mllpPort = port;
            mllpSettings = Objects.requireNonNull(settings, "settings");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("HL7 interval must be positive, was " + interval);
            }
            hl7Interval = interval;
            return this;
        }

        public SimulatedPump build() {
            return new SimulatedPump(this);
        }
    }
}
