package org.vigil.simulator.pump;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.mllp.MllpClient;

/**
 * One pump's HL7 sending loop, as {@code MonitorRunner} is a monitor's: takes the next message the pump produced
 * (periodic PCD-01, PCD-10 events, PCD-04 alarms, in the order they happened) and sends it over MLLP, waiting for
 * its ACK before the next; a receiver that is away builds a backlog that is sent in order once it is back.
 */
final class PumpRunner implements Runnable {

    /** One HL7 message of the pump, with its MSH-10. */
    record Outgoing(String controlId, String text) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PumpRunner.class);

    private final String deviceName;
    private final BlockingQueue<Outgoing> queue;
    private final MllpClient client;
    private final CountDownLatch stop;

    PumpRunner(String deviceName, BlockingQueue<Outgoing> queue, MllpClient client, CountDownLatch stop) {
        this.deviceName = deviceName;
        this.queue = queue;
        this.client = client;
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                Outgoing message = queue.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    client.send(message.controlId(), message.text());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: HL7 sender stopped by an unexpected error", deviceName, e);
        }
    }
}
