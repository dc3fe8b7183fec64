package org.vigil.simulator.mllp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.hl7.Acknowledgement;
import org.vigil.simulator.hl7.AcknowledgementDecoder;

/**
 * The sending side of an HL7 v2 MLLP connection, behaving like a device gateway: one message in flight at a
 * time, each waiting for the ACK whose MSA-2 echoes its MSH-10. When the connection drops or an ACK does not
 * come in time, it reconnects, waiting between attempts with a backoff that doubles up to a bound and resets
 * once an ACK arrives, and sends the unacknowledged message again
 * with the same control id, so the receiver can recognise the duplicate (docs/PROTOCOLS.md §1). AE and AR are
 * final: the message is logged with the receiver's reason and not resent.
 * <p>
 * {@link #send} is called from one thread; {@link #close} may be called from any thread and makes a blocked
 * {@code send} return promptly.
 */
public final class MllpClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MllpClient.class);

    private final String name;
    private final String host;
    private final int port;
    private final MllpClientSettings settings;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Deque<MllpFrameDecoder.Result> received = new ArrayDeque<>();
    private final byte[] readBuffer = new byte[8192];

    private volatile Socket socket;
    private MllpFrameDecoder decoder;
    private boolean connectedBefore;
    private boolean unreachableReported;
    private Duration backoff;

    /** {@code name} identifies the sender in logs, e.g. the device name. */
    public MllpClient(String name, String host, int port, MllpClientSettings settings) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.settings = settings;
        this.backoff = settings.initialBackoff();
    }

    /**
     * Sends one message and blocks until it is acknowledged, refused, given up after
     * {@link MllpClientSettings#attemptsPerMessage()} timeouts, or the client is closed.
     */
    public DeliveryOutcome send(String controlId, String message) throws InterruptedException {
        byte[] frame = MllpFrames.frame(message);
        boolean transmitted = false;
        int timeouts = 0;
        while (!isClosed()) {
            if (!ensureConnected()) {
                break;
            }
            Socket current = socket;
            try {
                if (current == null) {
                    throw new EOFException("connection closed");
                }
                current.getOutputStream().write(frame);
                current.getOutputStream().flush();
                counters.transmitted(transmitted);
                transmitted = true;
                Acknowledgement ack = awaitAcknowledgement(controlId);
                backoff = settings.initialBackoff();
                return record(controlId, ack);
            } catch (SocketTimeoutException e) {
                counters.timedOut();
                timeouts++;
                LOG.warn("{}: no ACK for {} within {} (attempt {} of {})", name, controlId, settings.ackTimeout(),
                        timeouts, settings.attemptsPerMessage());
                disconnect();
                if (timeouts >= settings.attemptsPerMessage()) {
                    LOG.error("{}: giving up on {} after {} attempts", name, controlId, timeouts);
                    return DeliveryOutcome.TIMED_OUT;
                }
            } catch (IOException e) {
                if (!isClosed()) {
                    LOG.warn("{}: connection to {}:{} lost while sending {}: {}; reconnecting in {}", name, host,
                            port, controlId, e.toString(), backoff);
                }
                disconnect();
                if (!backOff()) {
                    break;
                }
            }
        }
        return DeliveryOutcome.STOPPED;
    }

    public DeliveryStatistics statistics() {
        return counters.snapshot();
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    @Override
    public void close() {
        closed.countDown();
        disconnect();
    }

    private DeliveryOutcome record(String controlId, Acknowledgement ack) {
        counters.acknowledged(ack);
        return switch (ack.code()) {
            case ACCEPT -> DeliveryOutcome.ACCEPTED;
            case ERROR -> {
                LOG.warn("{}: NAK {} for {}: {}", name, ack.rawCode(), controlId, reasonOf(ack));
                yield DeliveryOutcome.ERROR;
            }
            case REJECT -> {
                LOG.warn("{}: NAK {} for {}: {}", name, ack.rawCode(), controlId, reasonOf(ack));
                yield DeliveryOutcome.REJECTED;
            }
        };
    }

    private static String reasonOf(Acknowledgement ack) {
        return ack.reason().isEmpty() ? "(no reason given)" : ack.reason();
    }

    private Acknowledgement awaitAcknowledgement(String controlId) throws IOException {
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        while (true) {
            MllpFrameDecoder.Result result = received.poll();
            if (result == null) {
                readInto(received, deadline);
                continue;
            }
            if (result instanceof MllpFrameDecoder.Failure failure) {
                LOG.warn("{}: discarded {} bytes from the receiver: {}", name, failure.discardedBytes(),
                        failure.reason());
                continue;
            }
            String text = ((MllpFrameDecoder.Frame) result).text();
            Optional<Acknowledgement> ack = AcknowledgementDecoder.decode(text);
            if (ack.isEmpty()) {
                LOG.warn("{}: ignoring a reply that is not a readable ACK: {}", name, text.replace('\r', '\n'));
            } else if (!ack.get().controlId().equals(controlId)) {
                LOG.warn("{}: ignoring ACK for {} while waiting for {}", name, ack.get().controlId(), controlId);
            } else {
                return ack.get();
            }
        }
    }

    private void readInto(Deque<MllpFrameDecoder.Result> results, long deadline) throws IOException {
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("ACK timeout");
        }
        Socket current = socket;
        if (current == null) {
            throw new EOFException("connection closed");
        }
        current.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        InputStream in = current.getInputStream();
        int count = in.read(readBuffer);
        if (count < 0) {
            throw new EOFException("receiver closed the connection");
        }
        results.addAll(decoder.feed(readBuffer, 0, count));
    }

    /** Connects if not connected, retrying with backoff; false only when the client was closed meanwhile. */
    private boolean ensureConnected() throws InterruptedException {
        while (socket == null) {
            if (isClosed()) {
                return false;
            }
            Socket candidate = new Socket();
            try {
                candidate.setTcpNoDelay(true);
                candidate.connect(new InetSocketAddress(host, port), (int) settings.connectTimeout().toMillis());
                decoder = new MllpFrameDecoder(settings.maxFrameBytes());
                received.clear();
                socket = candidate;
                if (isClosed()) {
                    disconnect();
                    return false;
                }
                if (connectedBefore) {
                    counters.reconnected();
                    LOG.info("{}: reconnected to {}:{}", name, host, port);
                } else {
                    LOG.info("{}: connected to {}:{}", name, host, port);
                }
                connectedBefore = true;
                unreachableReported = false;
            } catch (IOException e) {
                closeQuietly(candidate);
                if (!unreachableReported) {
                    unreachableReported = true;
                    LOG.warn("{}: cannot connect to {}:{} ({}); retrying with backoff up to {}", name, host, port,
                            e.toString(), settings.maxBackoff());
                }
                LOG.debug("{}: cannot connect to {}:{} ({}), retrying in {}", name, host, port, e.toString(), backoff);
                if (!backOff()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits the current backoff and doubles it up to the bound; false if the client was closed meanwhile. */
    private boolean backOff() throws InterruptedException {
        if (closed.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
        return true;
    }

    private void disconnect() {
        Socket current = socket;
        socket = null;
        if (current != null) {
            closeQuietly(current);
        }
    }

    private static void closeQuietly(Socket candidate) {
        try {
            candidate.close();
        } catch (IOException e) {
            LOG.trace("closing a socket failed", e);
        }
    }
}
