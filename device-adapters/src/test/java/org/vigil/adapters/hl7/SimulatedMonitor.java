package org.vigil.adapters.hl7;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vigil.adapters.transport.ReconnectPolicy;
import org.vigil.adapters.transport.SupervisionSettings;
import org.vigil.core.api.DeviceId;
import org.vigil.simulator.hl7.MonitorIdentity;
import org.vigil.simulator.hl7.Pcd01Encoder;
import org.vigil.simulator.mllp.MllpFrames;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;

/** The messages a simulated bedside monitor sends on its HL7 line, encoded by the simulator, and the test timings. */
final class SimulatedMonitor {

    static final MonitorIdentity IDENTITY = new MonitorIdentity("chair-3-monitor", "0012A3FFFE45B678", "Chair 3",
            "P-0017");
    /** OBX-18.1 of the simulator's messages names the device. */
    static final DeviceId DEVICE = new DeviceId("chair-3-monitor");
    static final Instant OBSERVED_AT = Instant.parse("2025-03-01T09:00:00Z");
    static final SupervisionSettings SUPERVISION = new SupervisionSettings(Duration.ofSeconds(2), Duration.ofMillis(50));
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 2.0);

    private SimulatedMonitor() {
    }

    /** A PCD-01 message with the heart rate and SpO2, framed for the wire. */
    static byte[] vitals(String controlId, int heartRate) {
        return MllpFrames.frame(vitalsText(controlId, heartRate));
    }

    static String vitalsText(String controlId, int heartRate) {
        return Pcd01Encoder.encode(IDENTITY, controlId, OBSERVED_AT, List.of(
                new Measurement(VitalSign.HEART_RATE, heartRate), new Measurement(VitalSign.SPO2, 97)));
    }

    /** A frame that is not HL7 at all. */
    static byte[] garbageFrame() {
        return MllpFrames.frame("hello");
    }

    /** An HL7 message Vigil does not take: an ADT admission. */
    static byte[] admission(String controlId) {
        return MllpFrames.frame(admissionText(controlId));
    }

    static String admissionText(String controlId) {
        return "MSH|^~\\&|ADT|HOSP|||20250301090000||ADT^A01^ADT_A01|" + controlId + "|P|2.6\rPID|||1\r";
    }
}
