package org.vigil.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.vigil.simulator.hl7.MonitorIdentity;
import org.vigil.simulator.hl7.Pcd01Encoder;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.scenario.CuffReading;
import org.vigil.simulator.scenario.VitalsTrace;

/**
 * Everything one monitor sends, in order, as a pure function of its spec and start instant: a message with
 * heart rate, SpO2, pulse rate and respiratory rate every second from the start, and a message of its own
 * for each completed cuff cycle (after the periodic message of the same second). Control ids are
 * {@code <device-name>-<run>-<sequence>}: the run is the start instant's epoch second in base 36, so a
 * restarted simulator never repeats an id a receiver has already stored; the sequence counts from 1.
 */
final class MessageTimeline implements Iterator<TimedMessage> {

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final MonitorIdentity identity;
    private final Instant start;
    private final VitalsTrace trace;
    private final Iterator<CuffReading> cuffReadings;
    private final String controlIdPrefix;
    private CuffReading nextCuffReading;
    private Duration nextPeriodic = Duration.ZERO;
    private long sequence;

    MessageTimeline(MonitorSpec spec, Instant start) {
        this.identity = spec.identity();
        this.start = start;
        this.trace = spec.scenario().start(spec.seed());
        this.cuffReadings = trace.cuffReadings();
        this.nextCuffReading = cuffReadings.hasNext() ? cuffReadings.next() : null;
        this.controlIdPrefix = spec.deviceName() + "-" + Long.toString(start.getEpochSecond(), 36) + "-";
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public TimedMessage next() {
        String controlId = controlIdPrefix + (++sequence);
        if (nextCuffReading != null && nextCuffReading.at().compareTo(nextPeriodic) < 0) {
            CuffReading reading = nextCuffReading;
            nextCuffReading = cuffReadings.hasNext() ? cuffReadings.next() : null;
            return message(reading.at(), controlId, reading.measurements(), true);
        }
        Duration at = nextPeriodic;
        nextPeriodic = nextPeriodic.plus(PERIOD);
        return message(at, controlId, trace.periodicAt(at), false);
    }

    private TimedMessage message(Duration at, String controlId,
            List<Measurement> measurements, boolean cuff) {
        Instant observedAt = start.plus(at);
        String text = Pcd01Encoder.encode(identity, controlId, observedAt, measurements);
        return new TimedMessage(at, observedAt, controlId, text, cuff);
    }
}
