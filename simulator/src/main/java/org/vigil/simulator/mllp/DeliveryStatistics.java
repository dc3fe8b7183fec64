package org.vigil.simulator.mllp;

import java.util.Optional;

/**
 * Counts for one sender (or a sum of senders). {@code sent} counts distinct messages put on the wire,
 * {@code resent} the retransmissions of an unacknowledged message after a reconnect; {@code accepted},
 * {@code errors}, {@code rejections} count ACKs with MSA-1 AA, AE, AR; {@code timeouts} counts waits for
 * an ACK that ran out; {@code reconnects} counts connections opened after the first.
 */
public record DeliveryStatistics(long sent, long resent, long accepted, long errors, long rejections,
        long timeouts, long reconnects, Optional<String> lastNakReason) {

    public static final DeliveryStatistics NONE = new DeliveryStatistics(0, 0, 0, 0, 0, 0, 0, Optional.empty());

    /** Negative acknowledgements: AE plus AR. */
    public long naks() {
        return errors + rejections;
    }

    /** True when any message was refused, failed or went unanswered. */
    public boolean hasFailures() {
        return naks() > 0 || timeouts > 0;
    }

    public DeliveryStatistics plus(DeliveryStatistics other) {
        return new DeliveryStatistics(sent + other.sent, resent + other.resent, accepted + other.accepted,
                errors + other.errors, rejections + other.rejections, timeouts + other.timeouts,
                reconnects + other.reconnects, other.lastNakReason.or(() -> lastNakReason));
    }
}
