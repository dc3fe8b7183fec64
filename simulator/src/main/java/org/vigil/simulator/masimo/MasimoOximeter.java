package org.vigil.simulator.masimo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.scenario.Scenario;

/**
 * A simulated Masimo pulse oximeter (Radical-7, ASCII 1 output; docs/PROTOCOLS.md §4) playing a scenario, with
 * optional faults: every {@code interval} of wall time it writes one line to its serial port or to the client of
 * its terminal-server port. It only talks; whatever it is sent is ignored.
 *
 * <p>The serial port is a path opened as a plain file without creating it (one end of a socat pseudo-terminal
 * pair); when writing fails or the path is missing, the oximeter tries again at the next line, as a cable pulled and
 * plugged back in. The terminal-server port serves one client at a time, binding before {@link #start()} returns.
 * {@link #stop()} ends the thread and closes everything. An oximeter starts once.
 */
public final class MasimoOximeter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MasimoOximeter.class);
    private static final int ACCEPT_TIMEOUT_MILLIS = 100;

    private final Builder settings;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private ServerSocket server;
    private volatile Socket client;
    private volatile FileChannel port;
    private volatile long linesWritten;
    private boolean started;

    private MasimoOximeter(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder(Scenario scenario, long seed) {
        return new Builder(scenario, seed);
    }

    /** Starts writing; a terminal-server port is bound before this returns. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("an oximeter starts once; build a new one to serve again");
        }
        started = true;
        if (settings.tcpPort >= 0) {
            try {
                server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(InetAddress.getByName(settings.tcpHost), settings.tcpPort));
                server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot listen on " + settings.tcpHost + ":" + settings.tcpPort, failure);
            }
            daemon("accept", this::acceptLoop);
        }
        OximeterReadings readings = new OximeterReadings(settings.scenario.start(settings.seed), settings.faults,
                settings.clock.instant(), settings.speed, settings.zone, settings.serialNumber);
        daemon("lines", () -> writeLoop(readings));
        LOG.info("Masimo oximeter playing {} (seed {}) on {}, a line every {}", settings.scenario.name(),
                settings.seed, settings.serialPath != null ? settings.serialPath : "tcp port " + tcpPort(),
                settings.interval);
    }

    /** The terminal-server port listened on, once started. */
    public synchronized int tcpPort() {
        if (server == null) {
            throw new IllegalStateException("no terminal-server port: not started, or on a serial port");
        }
        return server.getLocalPort();
    }

    /** Lines written to a serial port or a client so far. */
    public long linesWritten() {
        return linesWritten;
    }

    public void stop() {
        List<Thread> running;
        synchronized (this) {
            stop.countDown();
            closeQuietly(server);
            closeQuietly(client);
            running = new ArrayList<>(threads);
        }
        for (Thread thread : running) {
            try {
                thread.join(2_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        closeQuietly(port);
    }

    @Override
    public void close() {
        stop();
    }

    private void writeLoop(OximeterReadings readings) {
        try {
            do {
                write(readings.at(settings.clock.instant()).bytes());
            } while (!stop.await(settings.interval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(byte[] line) {
        try {
            if (settings.serialPath != null) {
                writeSerial(line);
            } else {
                Socket current = client;
                if (current != null) {
                    OutputStream out = current.getOutputStream();
                    out.write(line);
                    out.flush();
                    linesWritten++;
                }
            }
        } catch (IOException lost) {
            LOG.debug("oximeter line not written: {}", lost.toString());
            closeQuietly(port);
            port = null;
        }
    }

    private void writeSerial(byte[] line) throws IOException {
        if (port == null) {
            if (!Files.exists(settings.serialPath)) {
                return;
            }
            port = FileChannel.open(settings.serialPath, StandardOpenOption.WRITE);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line);
        while (bytes.hasRemaining()) {
            port.write(bytes);
        }
        linesWritten++;
    }

    private void acceptLoop() {
        while (stop.getCount() > 0) {
            try {
                Socket accepted = server.accept();
                closeQuietly(client);
                client = accepted;
            } catch (SocketTimeoutException noClient) {
                // look at the stop signal again
            } catch (IOException e) {
                if (stop.getCount() > 0) {
                    LOG.debug("oximeter terminal server: {}", e.toString());
                }
            }
        }
    }

    private void daemon(String role, Runnable task) {
        Thread thread = new Thread(task, "vigil-sim-masimo-" + role);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.trace("closing", e);
        }
    }

    /** How the oximeter is built: its scenario, faults, link, pace and clock. */
    public static final class Builder {

        private final Scenario scenario;
        private final long seed;
        private final List<OximeterFault> faults = new ArrayList<>();
        private Path serialPath;
        private String tcpHost = "127.0.0.1";
        private int tcpPort = -1;
        private double speed = 1.0;
        private Duration interval = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("UTC");
        private String serialNumber = "0000012345";

        private Builder(Scenario scenario, long seed) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            this.seed = seed;
        }

        /** Writes to a serial device path, e.g. one end of a socat pseudo-terminal pair. */
        public Builder serialPort(Path path) {
            this.serialPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Serves the line on a TCP port, as a terminal server does; port 0 picks a free one. */
        public Builder terminalServer(String host, int port) {
            this.tcpHost = Objects.requireNonNull(host, "host");
            this.tcpPort = port;
            return this;
        }

        /** Simulated time runs this many times as fast as the wall clock; 1 by default. */
        public Builder speed(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("speed must be a positive number: " + value);
            }
            this.speed = value;
            return this;
        }

        /** Wall time between lines; 1 s, as the oximeter, by default. */
        public Builder interval(Duration value) {
            this.interval = Objects.requireNonNull(value, "interval");
            return this;
        }

        public Builder fault(OximeterFault fault) {
            faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The zone the oximeter's clock is set to. */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        public MasimoOximeter build() {
            if ((serialPath == null) == (tcpPort < 0)) {
                throw new IllegalStateException("an oximeter needs exactly one of a serial port and a TCP port");
            }
            return new MasimoOximeter(this);
        }
    }
}
