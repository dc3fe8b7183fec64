package org.vigil.query.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.vigil.adapters.hl7.wire.Hl7DecodeResult;
import org.vigil.adapters.hl7.wire.Hl7MapResult;
import org.vigil.adapters.hl7.wire.PcdDecoder;
import org.vigil.adapters.hl7.wire.PcdMapper;
import org.vigil.core.api.DeviceObservations;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.hl7.MonitorIdentity;
import org.vigil.simulator.hl7.Pcd01Encoder;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.scenario.CuffReading;
import org.vigil.simulator.scenario.Scenarios;
import org.vigil.simulator.scenario.VitalsTrace;

/**
 * The observations the simulator's monitors send, as Vigil records them: each monitor's PCD-01 of heart rate,
 * SpO2, pulse rate and respiratory rate once a second, and one for each completed NIBP cuff cycle, encoded by
 * the simulator and decoded and mapped by the device adapters exactly as on the MLLP path. Time runs on the
 * simulated clock from {@code start}, so a long session is generated in moments.
 */
final class SimulatedObservations {

    private final List<Monitor> monitors = new ArrayList<>();
    private final PcdDecoder decoder = new PcdDecoder();
    private final PcdMapper mapper;

    SimulatedObservations(int count, Instant start) {
        this.mapper = new PcdMapper(Clock.systemUTC());
        for (int n = 1; n <= count; n++) {
            monitors.add(new Monitor(MonitorSpec.numbered(n, Scenarios.NORMAL, 2026 + n), start));
        }
    }

    /** The device name of monitor {@code n} (from 1), as it appears in MSH-3 and OBX-18. */
    static String deviceName(int n) {
        return MonitorSpec.defaultDeviceName(n);
    }

    /** The next message of monitor {@code n} (from 1), decoded and mapped. */
    DeviceObservations next(int n) {
        Monitor monitor = monitors.get(n - 1);
        Message message = monitor.next();
        Hl7DecodeResult decoded = decoder.decode(message.text());
        if (!(decoded instanceof Hl7DecodeResult.Decoded ok)) {
            throw new IllegalStateException("the simulator's message did not decode: " + decoded);
        }
        // received 80 to 180 ms after the device's whole second, at the microsecond resolution of the system clock
        Instant receivedAt = message.observedAt().plusNanos(80_000_000L + (message.hashCode() & 0xffff) * 1_000L
                + (message.text().length() % 1000) * 97_000L);
        Hl7MapResult mapped = mapper.map(ok, receivedAt);
        if (!(mapped instanceof Hl7MapResult.Mapped result)) {
            throw new IllegalStateException("the simulator's message did not map: " + mapped);
        }
        return (DeviceObservations) result.reports().get(0);
    }

    private record Message(Instant observedAt, String text) {
    }

    /** One monitor's messages in the order it sends them: a cuff reading after the periodic message before it. */
    private static final class Monitor {
        private final MonitorIdentity identity;
        private final Instant start;
        private final VitalsTrace trace;
        private final Iterator<CuffReading> cuff;
        private final String controlIdPrefix;
        private CuffReading nextCuff;
        private long elapsedSeconds;
        private long sequence;

        Monitor(MonitorSpec spec, Instant start) {
            this.identity = spec.identity();
            this.start = start;
            this.trace = spec.scenario().start(spec.seed());
            this.cuff = trace.cuffReadings();
            this.nextCuff = cuff.hasNext() ? cuff.next() : null;
            this.controlIdPrefix = spec.deviceName() + "-" + Long.toString(start.getEpochSecond(), 36) + "-";
        }

        Message next() {
            String controlId = controlIdPrefix + (++sequence);
            Duration periodic = Duration.ofSeconds(elapsedSeconds);
            if (nextCuff != null && nextCuff.at().compareTo(periodic) < 0) {
                CuffReading reading = nextCuff;
                nextCuff = cuff.hasNext() ? cuff.next() : null;
                return message(reading.at(), controlId, reading.measurements());
            }
            elapsedSeconds++;
            return message(periodic, controlId, trace.periodicAt(periodic));
        }

        private Message message(Duration at, String controlId, List<Measurement> measurements) {
            Instant observedAt = start.plus(at);
            return new Message(observedAt, Pcd01Encoder.encode(identity, controlId, observedAt, measurements));
        }
    }
}
