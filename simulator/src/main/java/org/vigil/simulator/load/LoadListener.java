package org.vigil.simulator.load;

import java.util.Optional;
import org.vigil.simulator.hl7.AckCode;

/**
 * Told of every message a load run sent and what came of it, on the sending connection's own thread, right
 * after the answer was read: so a test can tell exactly which messages were acknowledged, not only how many.
 */
@FunctionalInterface
public interface LoadListener {

    /** Listens to nothing. */
    LoadListener NONE = (device, controlId, ack) -> { };

    /**
     * @param device    the device the message was sent as, e.g. {@code load-monitor-01}
     * @param controlId its MSH-10
     * @param ack       MSA-1 of its ACK, or empty when no ACK came in time or the connection was lost
     */
    void answered(String device, String controlId, Optional<AckCode> ack);
}
