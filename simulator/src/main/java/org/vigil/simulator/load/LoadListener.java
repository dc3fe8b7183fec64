package org.vigil.simulator.load;

/**
 * Told of every message a load run sent and what came of it, on the sending connection's own thread, right
 * after the answer was read: so a test can tell exactly which messages were acknowledged, and when, not only
 * how many.
 */
@FunctionalInterface
public interface LoadListener {

    /** Listens to nothing. */
    LoadListener NONE = (device, controlId, trip) -> { };

    /**
     * @param device    the device the message was sent as, e.g. {@code load-monitor-01}
     * @param controlId its MSH-10
     * @param trip      its ACK code, empty when no ACK came in time or the connection was lost, and when it was
     *                  written and answered (or given up)
     */
    void answered(String device, String controlId, RoundTrip trip);
}
