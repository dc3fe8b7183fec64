package org.vigil.adapters.hl7.storm;

import org.HdrHistogram.Histogram;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.MllpEvent;
import org.vigil.adapters.hl7.wire.MllpFramer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A well-behaved device: one connection, one PCD-01 message each period, waiting for its ACK before the next, as
 * a gateway in original acknowledgement mode does. Records every round trip in an HdrHistogram, corrected for
 * coordinated omission (a late answer also delays the messages that should have followed it), and counts answers
 * other than AA. {@link #sendOne()} is called by one thread at a time.
 */
final class PacedDevice implements AutoCloseable {

    private static final int ACK_TIMEOUT_MILLIS = 10_000;

    private final String template;
    private final String controlIdPrefix;
    private final long periodNanos;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final MllpFramer framer = new MllpFramer();
    private final Deque<String> answers = new ArrayDeque<>();
    private final byte[] chunk = new byte[4096];
    private Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private long sequence;
    private long accepted;
    private long notAccepted;

    PacedDevice(String template, String controlIdPrefix, long periodNanos, int port) throws IOException {
        this.template = template;
        this.controlIdPrefix = controlIdPrefix;
        this.periodNanos = periodNanos;
        this.socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(ACK_TIMEOUT_MILLIS);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Sends the next message and waits for its ACK; a missing or negative answer is counted, not thrown. */
    synchronized void sendOne() {
        String controlId = controlIdPrefix + "-" + sequence++;
        String message = template.replace(PcdTemplate.CONTROL_ID, controlId);
        long start = System.nanoTime();
        try {
            out.write(Mllp.wrap(message));
            out.flush();
            String ack = nextAnswer();
            latencies.recordValueWithExpectedInterval(System.nanoTime() - start, periodNanos);
            if (ack.contains("\rMSA|AA|" + controlId + "\r")) {
                accepted++;
            } else {
                notAccepted++;
            }
        } catch (IOException e) {
            notAccepted++;
        }
    }

    private String nextAnswer() throws IOException {
        while (answers.isEmpty()) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("the listener closed the connection");
            }
            for (MllpEvent event : framer.push(chunk, 0, n)) {
                if (event instanceof MllpEvent.Frame frame) {
                    answers.add(new String(frame.payload(), StandardCharsets.UTF_8));
                }
            }
        }
        return answers.poll();
    }

    /** What was measured since the last call, and a fresh start. */
    synchronized Measured takeMeasured() {
        Measured measured = new Measured(latencies, accepted, notAccepted);
        latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        accepted = 0;
        notAccepted = 0;
        return measured;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Round trips in nanoseconds, and how many messages were answered AA and otherwise. */
    record Measured(Histogram latencies, long accepted, long notAccepted) {
    }
}
