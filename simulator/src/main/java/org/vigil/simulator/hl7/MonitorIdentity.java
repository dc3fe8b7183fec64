package org.vigil.simulator.hl7;

import java.util.Objects;

/**
 * Who a PCD-01 message comes from and whom it is about: the device's name and EUI-64 (MSH-3, OBR-2/3,
 * OBX-18), the chair it stands at (PV1-3) and the patient's pseudonym (PID-3).
 */
public record MonitorIdentity(String deviceName, String eui64, String chairName, String patientPseudonym) {

    public MonitorIdentity {
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(eui64, "eui64");
        Objects.requireNonNull(chairName, "chairName");
        Objects.requireNonNull(patientPseudonym, "patientPseudonym");
        if (!eui64.matches("[0-9A-F]{16}")) {
            throw new IllegalArgumentException("EUI-64 must be 16 uppercase hex digits: " + eui64);
        }
    }
}
