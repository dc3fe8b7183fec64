package org.vigil.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.mllp.DeliveryStatistics;
import org.vigil.simulator.mllp.MllpClient;
import org.vigil.simulator.mllp.MllpClientSettings;

/**
 * A clinic of simulated vital-sign monitors, each sending IHE PCD-01 over its own MLLP connection to one
 * receiver, the way a device gateway forwards its monitors. Each monitor runs on its own daemon thread;
 * {@link #stop()} closes every socket and returns once the threads have ended (or after two seconds).
 */
public final class ClinicSimulator implements AutoCloseable {

    /** Where the receiver listens by default (docs/DESIGN.md: MLLP listener for HL7 gateways, port 2575). */
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 2575;

    private static final Logger LOG = LoggerFactory.getLogger(ClinicSimulator.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final List<MonitorSpec> monitors;
    private final String host;
    private final int port;
    private final Clock clock;
    private final double speed;
    private final MllpClientSettings settings;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Map<String, MllpClient> clients = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private SimulationTime time;

    /** Monitors sending to {@code host:port}; {@code speed} 1.0 is real time, 10.0 ten times as fast. */
    public ClinicSimulator(List<MonitorSpec> monitors, String host, int port, Clock clock, double speed) {
        this(monitors, host, port, clock, speed, MllpClientSettings.defaults());
    }

    public ClinicSimulator(List<MonitorSpec> monitors, String host, int port, Clock clock, double speed,
            MllpClientSettings settings) {
        this.monitors = List.copyOf(monitors);
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.speed = speed;
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        Set<String> names = new HashSet<>();
        for (MonitorSpec monitor : this.monitors) {
            if (!names.add(monitor.deviceName())) {
                throw new IllegalArgumentException("device name used twice: " + monitor.deviceName());
            }
        }
    }

    /** Connects every monitor and starts sending; the simulated session starts now. Starts only once. */
    public synchronized void start() {
        if (time != null || stop.getCount() == 0) {
            throw new IllegalStateException("a simulator starts once; create a new one to run again");
        }
        time = new SimulationTime(clock, speed);
        for (MonitorSpec monitor : monitors) {
            MllpClient client = new MllpClient(monitor.deviceName(), host, port, settings);
            clients.put(monitor.deviceName(), client);
            MessageTimeline timeline = new MessageTimeline(monitor, time.simulatedStart());
            Thread thread = new Thread(new MonitorRunner(monitor, timeline, time, client, stop),
                    "vigil-sim-" + monitor.deviceName());
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        LOG.info("started {} simulated monitors sending PCD-01 to {}:{} at {}x speed", monitors.size(), host, port,
                speed);
    }

    /** Stops every monitor and closes its connection; safe to call more than once. */
    public void stop() {
        List<Thread> running;
        synchronized (this) {
            stop.countDown();
            clients.values().forEach(MllpClient::close);
            running = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread thread : running) {
            thread.interrupt();
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

    /** True between {@link #start()} and {@link #stop()}. */
    public synchronized boolean isRunning() {
        return time != null && stop.getCount() > 0;
    }

    /** The instant simulated time 0 stands for (the monitors' start, whole seconds); empty before start. */
    public synchronized Optional<Instant> simulatedStart() {
        return Optional.ofNullable(time).map(SimulationTime::simulatedStart);
    }

    public List<MonitorSpec> monitors() {
        return monitors;
    }

    /** Counts so far, per monitor and in total; all monitors appear, with zeros before start. */
    public synchronized SimulatorStatistics statistics() {
        Map<String, DeliveryStatistics> byDevice = new LinkedHashMap<>();
        for (MonitorSpec monitor : monitors) {
            MllpClient client = clients.get(monitor.deviceName());
            byDevice.put(monitor.deviceName(), client == null
                    ? DeliveryStatistics.NONE
                    : client.statistics());
        }
        return SimulatorStatistics.of(byDevice);
    }
}
