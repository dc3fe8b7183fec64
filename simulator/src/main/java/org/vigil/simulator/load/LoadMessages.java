package org.vigil.simulator.load;

import java.time.Clock;
import java.util.List;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.hl7.MonitorIdentity;
import org.vigil.simulator.hl7.Pcd01Encoder;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The messages one load connection sends: the once-a-second PCD-01 of a monitor (heart rate, pulse rate, SpO2,
 * respiratory rate; docs/DOMAIN.md "Vital signs"), with values that stay in range so no alarm is raised, stamped
 * with the clock's time. Control ids carry the run's tag, so a second run against the same receiver is never
 * taken for resends of the first (docs/PROTOCOLS.md §1: duplicates are recognised by sender and MSH-10).
 */
final class LoadMessages {

    private final String device;
    private final MonitorIdentity monitor;
    private final String runTag;
    private final Clock clock;

    LoadMessages(String deviceName, String runTag, Clock clock) {
        this.device = deviceName;
        this.monitor = new MonitorSpec(deviceName, "load", Scenarios.NORMAL, 0).identity();
        this.runTag = runTag;
        this.clock = clock;
    }

    String device() {
        return device;
    }

    String controlId(long sequence) {
        return runTag + "-" + sequence;
    }

    String message(String controlId, long sequence) {
        int wobble = (int) (sequence % 5);
        return Pcd01Encoder.encode(monitor, controlId, clock.instant(), List.of(
                new Measurement(VitalSign.HEART_RATE, 70 + wobble),
                new Measurement(VitalSign.PULSE_RATE, 70 + wobble),
                new Measurement(VitalSign.SPO2, 97),
                new Measurement(VitalSign.RESPIRATORY_RATE, 14)));
    }
}
