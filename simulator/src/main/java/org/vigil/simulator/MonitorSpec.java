package org.vigil.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;
import org.vigil.simulator.hl7.MonitorIdentity;
import org.vigil.simulator.scenario.Scenario;

/**
 * One simulated vital-sign monitor: its device name (MSH-10 prefix, OBX-18), the chair it stands at
 * (PV1-3), the scenario it plays and the seed that picks the patient.
 */
public record MonitorSpec(String deviceName, String chairName, Scenario scenario, long seed) {

    public MonitorSpec {
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(chairName, "chairName");
        Objects.requireNonNull(scenario, "scenario");
        if (deviceName.isBlank() || chairName.isBlank()) {
            throw new IllegalArgumentException("device and chair names must not be blank");
        }
    }

    /** Monitor {@code n} (from 1) with the default names {@code sim-monitor-0n} and {@code chair-n}. */
    public static MonitorSpec numbered(int n, Scenario scenario, long seed) {
        return new MonitorSpec(defaultDeviceName(n), defaultChairName(n), scenario, seed);
    }

    /**
     * {@code chairs} numbered monitors playing the same scenario; monitor n gets seed {@code seed + n}, so
     * each chair has its own patient and the clinic is reproducible from one seed.
     */
    public static List<MonitorSpec> clinic(int chairs, Scenario scenario, long seed) {
        List<MonitorSpec> monitors = new ArrayList<>();
        for (int n = 1; n <= chairs; n++) {
            monitors.add(numbered(n, scenario, seed + n));
        }
        return monitors;
    }

    /** {@code sim-monitor-01}, {@code sim-monitor-02}, … */
    public static String defaultDeviceName(int n) {
        return String.format(Locale.ROOT, "sim-monitor-%02d", n);
    }

    /** {@code chair-1}, {@code chair-2}, … */
    public static String defaultChairName(int n) {
        return "chair-" + n;
    }

    /**
     * The device's EUI-64, fixed by its name: a locally administered OUI {@code 02:56:49}, the EUI-48 to
     * EUI-64 filler {@code FFFE}, and 24 bits of a CRC-32 of the name.
     */
    public String eui64() {
        return "025649FFFE" + HexFormat.of().withUpperCase().toHexDigits(crc(deviceName)).substring(2);
    }

    /** The patient's pseudonym (PID-3), fixed by chair and seed: {@code PSN-} and eight hex digits. */
    public String patientPseudonym() {
        return "PSN-" + HexFormat.of().withUpperCase().toHexDigits(crc(chairName + ":" + seed));
    }

    public MonitorIdentity identity() {
        return new MonitorIdentity(deviceName, eui64(), chairName, patientPseudonym());
    }

    private static int crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
