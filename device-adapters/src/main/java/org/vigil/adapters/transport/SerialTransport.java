package org.vigil.adapters.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port through jSerialComm. Serial I/O blocks, so it never runs on a Vert.x event loop: one daemon
 * thread opens the port and reads it, another writes queued bytes.
 *
 * <p>The port is opened by its explicit path on every attempt, so a USB adapter that is plugged back in, or a
 * socat pseudo-terminal that is recreated under the same link, is found again. A port that vanishes shows up as a
 * read error ({@code readBytes} returns -1, e.g. errno 5 when the far end of a pseudo-terminal closes); the
 * transport then reports {@link TransportState#DISCONNECTED} and re-opens the path with the backoff of its
 * {@link ReconnectPolicy}. On a pseudo-terminal the modem-control calls of the open fail with "inappropriate
 * ioctl" (ENOTTY); that is harmless and the port works all the same (docs/DESIGN.md, "Known traps").
 */
public final class SerialTransport implements ByteTransport {

    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);
    /** How long one read waits for a first byte; bounds how late the reader notices {@link #close()}. */
    private static final int READ_TIMEOUT_MILLIS = 200;
    /** A device that holds off our writes (flow control) longer than this loses the write, not the thread. */
    private static final int WRITE_TIMEOUT_MILLIS = 2_000;
    private static final int READ_BUFFER_BYTES = 4_096;
    private static final int WRITE_QUEUE_LENGTH = 256;

    private final SerialSettings settings;
    private final Backoff backoff;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ThreadPoolExecutor writer;
    private volatile TransportListener listener;
    private volatile SerialPort port;
    private volatile boolean closed;

    public SerialTransport(SerialSettings settings, ReconnectPolicy reconnectPolicy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = new Backoff(Objects.requireNonNull(reconnectPolicy, "reconnect policy"));
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WRITE_QUEUE_LENGTH),
                task -> daemon(task, "serial-writer " + settings.path()));
    }

    public SerialTransport(SerialSettings settings) {
        this(settings, ReconnectPolicy.defaults());
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public void open(TransportListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException(description() + " is already open");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        daemon(this::run, "serial-reader " + settings.path()).start();
    }

    @Override
    public boolean write(byte[] bytes) {
        SerialPort current = port;
        if (closed || current == null) {
            return false;
        }
        byte[] copy = bytes.clone();
        try {
            writer.execute(() -> writeFully(current, copy));
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        closing.countDown();
        writer.shutdownNow();
    }

    @Override
    public String description() {
        return "serial " + settings.path() + " " + settings.lineDescription();
    }

    private void run() {
        while (!closed) {
            report(TransportState.CONNECTING, "opening " + settings.path());
            SerialPort opened;
            try {
                opened = openPort();
            } catch (RuntimeException failure) {
                report(TransportState.DISCONNECTED, "cannot open " + settings.path() + ": " + failure.getMessage());
                awaitBackoff();
                continue;
            }
            backoff.reset();
            port = opened;
            report(TransportState.CONNECTED, "opened " + description());
            String reason = readUntilLost(opened);
            port = null;
            opened.closePort();
            if (!closed) {
                report(TransportState.DISCONNECTED, reason);
                awaitBackoff();
            }
        }
    }

    private SerialPort openPort() {
        SerialPort candidate = SerialPort.getCommPort(settings.path());
        candidate.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(), parity());
        candidate.setFlowControl(flowControl());
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MILLIS, WRITE_TIMEOUT_MILLIS);
        if (!candidate.openPort()) {
            throw new IllegalStateException("open failed (errno " + candidate.getLastErrorCode() + ")");
        }
        return candidate;
    }

    private String readUntilLost(SerialPort opened) {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        while (!closed) {
            int count = opened.readBytes(buffer, buffer.length);
            if (count < 0) {
                return "port " + settings.path() + " lost: read error (errno " + opened.getLastErrorCode() + ")";
            }
            if (count == 0 && !opened.isOpen()) {
                return "port " + settings.path() + " lost: closed underneath";
            }
            if (count > 0 && !closed) {
                listener.received(Arrays.copyOf(buffer, count));
            }
        }
        return "closed";
    }

    private void writeFully(SerialPort target, byte[] bytes) {
        int written = 0;
        while (written < bytes.length && !closed) {
            int count = target.writeBytes(bytes, bytes.length - written, written);
            if (count <= 0) {
                log.warn("{}: dropped {} of {} bytes: write failed (errno {})", description(),
                        bytes.length - written, bytes.length, target.getLastErrorCode());
                return;
            }
            written += count;
        }
    }

    private void awaitBackoff() {
        Duration delay = backoff.next();
        try {
            closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void report(TransportState state, String detail) {
        if (!closed) {
            log.debug("{}: {} ({})", description(), state, detail);
            listener.stateChanged(state, detail);
        }
    }

    private int stopBits() {
        return switch (settings.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private int parity() {
        return switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private int flowControl() {
        return switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
