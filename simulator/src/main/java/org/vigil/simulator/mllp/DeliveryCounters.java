package org.vigil.simulator.mllp;

import java.util.Optional;
import org.vigil.simulator.hl7.Acknowledgement;

/** The running counts behind {@link DeliveryStatistics}; written by the sending thread, read by any. */
final class DeliveryCounters {

    private long sent;
    private long resent;
    private long accepted;
    private long errors;
    private long rejections;
    private long timeouts;
    private long reconnects;
    private String lastNakReason;

    synchronized void transmitted(boolean retransmission) {
        if (retransmission) {
            resent++;
        } else {
            sent++;
        }
    }

    synchronized void acknowledged(Acknowledgement ack) {
        switch (ack.code()) {
            case ACCEPT -> accepted++;
            case ERROR -> errors++;
            case REJECT -> rejections++;
        }
        if (!ack.isAccepted()) {
            lastNakReason = ack.rawCode() + (ack.reason().isEmpty() ? "" : ": " + ack.reason());
        }
    }

    synchronized void timedOut() {
        timeouts++;
    }

    synchronized void reconnected() {
        reconnects++;
    }

    synchronized DeliveryStatistics snapshot() {
        return new DeliveryStatistics(sent, resent, accepted, errors, rejections, timeouts, reconnects,
                Optional.ofNullable(lastNakReason));
    }
}
