package org.vigil.simulator.pump;

import java.util.Objects;

/**
 * Who the pump's HL7 messages come from and whom they are about: device name and EUI-64 (MSH-3, OBR-2/3,
 * OBX-18), serial number (serial protocol), chair (PV1-3) and patient pseudonym (PID-3).
 */
public record PumpIdentity(String deviceName, String eui64, String serialNumber, String chairName,
                           String patientPseudonym) {

    public PumpIdentity {
        Objects.requireNonNull(deviceName, "device name");
        Objects.requireNonNull(chairName, "chair name");
        Objects.requireNonNull(patientPseudonym, "patient pseudonym");
        if (eui64 == null || !eui64.matches("[0-9A-F]{16}")) {
            throw new IllegalArgumentException("EUI-64 must be 16 uppercase hex digits: " + eui64);
        }
        if (serialNumber == null || !serialNumber.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("serial number must be 1 to 32 letters, digits, '_', '.', '-': "
                    + serialNumber);
        }
    }

    /** Pump n of a simulated clinic: {@code sim-pump-01}, EUI-64 {@code 0012210000000001}, chair {@code chair-1}. */
    public static PumpIdentity numbered(int n) {
        return new PumpIdentity(String.format("sim-pump-%02d", n), String.format("00122100%08X", n),
                String.format("SIM8100-%04d", n), "chair-" + n, String.format("SIM-PT-P%02d", n));
    }
}
