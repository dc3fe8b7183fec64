package org.vigil.simulator;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.mllp.MllpClient;

/**
 * One monitor's sending loop: takes the next message of its timeline, waits until it is due in simulated
 * time, and sends it, waiting for the ACK before the next. A monitor that falls behind (a slow receiver, a
 * lost connection) catches up by sending its backlog in order, as a store-and-forward gateway does.
 */
final class MonitorRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorRunner.class);

    private final MonitorSpec spec;
    private final MessageTimeline timeline;
    private final SimulationTime time;
    private final MllpClient client;
    private final CountDownLatch stop;

    MonitorRunner(MonitorSpec spec, MessageTimeline timeline, SimulationTime time, MllpClient client,
            CountDownLatch stop) {
        this.spec = spec;
        this.timeline = timeline;
        this.time = time;
        this.client = client;
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                TimedMessage message = timeline.next();
                if (!time.awaitElapsed(message.at(), stop)) {
                    return;
                }
                client.send(message.controlId(), message.text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: monitor stopped by an unexpected error", spec.deviceName(), e);
        }
    }
}
