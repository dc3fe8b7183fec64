package org.vigil.simulator.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.vigil.simulator.hl7.Acknowledgement;
import org.vigil.simulator.hl7.AcknowledgementDecoder;
import org.vigil.simulator.mllp.MllpFrameDecoder;
import org.vigil.simulator.mllp.MllpFrames;

/**
 * One MLLP connection that sends a message and waits for the ACK echoing its MSH-10 (HL7 original
 * acknowledgement mode, docs/PROTOCOLS.md §1), timing the round trip. Unlike a gateway's client it never resends
 * and never backs off: a load run counts what the receiver did, so a message without an ACK is a timeout,
 * and the connection is dropped so that a late ACK cannot be taken for the next message's.
 * <p>
 * The clock starts just before the frame is written, so the connection must be open before: the TCP
 * handshake is not part of any message's latency.
 */
public final class RoundTripConnection implements AutoCloseable {

    private static final int MAX_ACK_BYTES = 64 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final Duration ackTimeout;
    private final MllpFrameDecoder decoder = new MllpFrameDecoder(MAX_ACK_BYTES);
    private final Deque<MllpFrameDecoder.Result> pending = new ArrayDeque<>();
    private final byte[] buffer = new byte[8192];
    private boolean broken;

    private RoundTripConnection(Socket socket, Duration ackTimeout) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.ackTimeout = ackTimeout;
    }

    /** Connects with Nagle's algorithm off, as a gateway sending small messages should. */
    public static RoundTripConnection open(String host, int port, Duration connectTimeout, Duration ackTimeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new RoundTripConnection(socket, ackTimeout);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Writes one framed message and reads until the ACK for {@code controlId} arrives or the ACK timeout runs
     * out; replies for other control ids and unreadable frames are skipped. After a timeout the connection is
     * closed and {@link #isUsable()} is false.
     *
     * @throws IOException when the connection is lost; it is then unusable too
     */
    public RoundTrip send(String controlId, String message) throws IOException {
        if (broken) {
            throw new IOException("the connection was closed after a failure");
        }
        byte[] frame = MllpFrames.frame(message);
        long writtenAt = System.nanoTime();
        long deadline = writtenAt + ackTimeout.toNanos();
        try {
            out.write(frame);
            out.flush();
            while (true) {
                Optional<Acknowledgement> ack = nextAcknowledgement(deadline);
                if (ack.isEmpty()) {
                    close();
                    return new RoundTrip(Optional.empty(), writtenAt, System.nanoTime());
                }
                if (ack.get().controlId().equals(controlId)) {
                    return new RoundTrip(Optional.of(ack.get().code()), writtenAt, System.nanoTime());
                }
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    public boolean isUsable() {
        return !broken;
    }

    @Override
    public void close() {
        broken = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more can be done with a socket that does not close
        }
    }

    /** The next readable ACK, or empty when the deadline passed first. */
    private Optional<Acknowledgement> nextAcknowledgement(long deadline) throws IOException {
        while (true) {
            MllpFrameDecoder.Result result = pending.poll();
            if (result == null) {
                if (!read(deadline)) {
                    return Optional.empty();
                }
                continue;
            }
            if (result instanceof MllpFrameDecoder.Frame frame) {
                Optional<Acknowledgement> ack = AcknowledgementDecoder.decode(frame.text());
                if (ack.isPresent()) {
                    return ack;
                }
            }
        }
    }

    private boolean read(long deadline) throws IOException {
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMillis <= 0) {
            return false;
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        try {
            int count = in.read(buffer);
            if (count < 0) {
                throw new EOFException("the receiver closed the connection");
            }
            pending.addAll(decoder.feed(buffer, 0, count));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
