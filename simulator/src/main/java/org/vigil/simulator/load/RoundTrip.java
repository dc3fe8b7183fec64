package org.vigil.simulator.load;

import java.util.Optional;
import org.vigil.simulator.hl7.AckCode;

/**
 * One message and its answer: MSA-1 of the ACK that echoed its control id, or empty when none came in time;
 * {@link System#nanoTime()} just before the first byte was written and when the ACK was read (or the wait
 * given up).
 */
public record RoundTrip(Optional<AckCode> ack, long writtenAtNanos, long answeredAtNanos) {

    public boolean timedOut() {
        return ack.isEmpty();
    }

    public long latencyNanos() {
        return answeredAtNanos - writtenAtNanos;
    }
}
