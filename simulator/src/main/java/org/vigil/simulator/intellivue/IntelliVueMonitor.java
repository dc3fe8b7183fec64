package org.vigil.simulator.intellivue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.scenario.Scenario;

/**
 * A simulated Philips IntelliVue monitor at one chair, served over a real link: its {@link IntelliVueImpersonator}
 * answers whoever polls its MIB/RS232 port, with the numerics of a {@link Scenario} played from {@link #start()}.
 *
 * <p>Simulated time has the HL7 monitors' meaning: it starts at the clock's instant and runs {@code speed} times
 * as fast, so at speed 10 a poll one wall second after the start shows the scenario's values at 10 s. The
 * once-a-second numerics follow the scenario's trace; NIBP shows the last completed cuff cycle until the next one
 * completes. The protocol itself runs on the wall clock, as a real monitor's does: the client polls at its own
 * pace, the association timeout counts wall time, and the monitor's RelativeTime and AbsoluteTime are wall time
 * (the RelativeTime from {@link ImpersonatorConfig#initialRelativeTime()}, so a test can start it near 2³² to see
 * it wrap).
 *
 * <p>All I/O runs on daemon threads; {@link #stop()} closes the link and returns once they have ended (at most two
 * seconds). A monitor starts once; create a new one to serve again.
 */
public final class IntelliVueMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntelliVueMonitor.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final Scenario scenario;
    private final long seed;
    private final IntelliVueLink link;
    private final ImpersonatorConfig config;
    private final Clock clock;
    private final double speed;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private MonitorPort port;
    private TcpListenerLink listener;
    private Instant startedAt;

    /**
     * @param name     the monitor's name in logs and thread names, e.g. {@code sim-intellivue-01}
     * @param seed     the patient the scenario plays
     * @param config   the impersonated monitor's behaviour: association timeout, initial RelativeTime, zone
     * @param speed    1.0 is real time, 10.0 ten times as fast
     */
    public IntelliVueMonitor(String name, Scenario scenario, long seed, IntelliVueLink link, ImpersonatorConfig config,
                             Clock clock, double speed) {
        this.name = Objects.requireNonNull(name, "name");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.seed = seed;
        this.link = Objects.requireNonNull(link, "link");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.speed = speed;
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
    }

    public String name() {
        return name;
    }

    public Scenario scenario() {
        return scenario;
    }

    public IntelliVueLink link() {
        return link;
    }

    /**
     * Boots the monitor and opens its link: a serial path is opened (and re-opened whenever it vanishes) on a
     * thread of its own; a TCP port is bound before this returns.
     *
     * @throws UncheckedIOException when the TCP port cannot be bound
     */
    public synchronized void start() {
        if (startedAt != null || stop.getCount() == 0) {
            throw new IllegalStateException("a monitor starts once; create a new one to serve again");
        }
        Instant now = clock.instant();
        NumericsSource numerics = new ScenarioNumerics(scenario.start(seed), now, speed);
        port = new MonitorPort(new IntelliVueImpersonator(config, numerics, now), clock);
        if (link instanceof IntelliVueLink.SerialDevice serial) {
            tracked(daemon("serial", new SerialDeviceLink(name, serial.path(), port, stop))).start();
        } else if (link instanceof IntelliVueLink.TcpListener tcp) {
            try {
                listener = new TcpListenerLink(name, tcp.address(), port, stop, task -> daemon("client", task));
            } catch (IOException failure) {
                throw new UncheckedIOException(name + ": cannot listen on " + tcp.description(), failure);
            }
            tracked(daemon("accept", listener::acceptLoop)).start();
        }
        startedAt = now;
        LOG.info("{}: IntelliVue monitor playing {} (seed {}) on {} at {}x speed", name, scenario.name(), seed,
                link.description(), speed);
    }

    /** Closes the link and ends the threads; safe to call more than once, and before {@link #start()}. */
    public void stop() {
        List<Thread> running;
        synchronized (this) {
            stop.countDown();
            if (listener != null) {
                listener.close();
            }
            running = new ArrayList<>(threads);
            if (listener != null && listener.clientThread() != null) {
                running.add(listener.clientThread());
            }
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread thread : running) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException interrupted) {
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
        return startedAt != null && stop.getCount() > 0;
    }

    /** The TCP port listened on (useful after asking for port 0); empty for a serial link or before start. */
    public synchronized OptionalInt localPort() {
        return listener == null ? OptionalInt.empty() : OptionalInt.of(listener.localPort());
    }

    public synchronized IntelliVueMonitorStatistics statistics() {
        return port == null ? IntelliVueMonitorStatistics.NONE : port.statistics();
    }

    private Thread tracked(Thread thread) {
        threads.add(thread);
        return thread;
    }

    private Thread daemon(String role, Runnable task) {
        Thread thread = new Thread(task, "vigil-sim-" + name + "-" + role);
        thread.setDaemon(true);
        return thread;
    }
}
