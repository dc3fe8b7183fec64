package org.vigil.core.protocol;

import org.vigil.core.api.ProtocolRef;

/**
 * A clinic's protocol: the thresholds, delays and cadences its sessions run under, how its devices are
 * supervised, and the drug library and tolerance its infusions are checked against. It is data, loaded from a versioned YAML file (STYLE.md, "Aggregates and rules"), so a clinic
 * changes a threshold without a release; the name and version are recorded with every session.
 */
public record ClinicProtocol(String name, String version, PreDoseGate preDoseGate, AlarmThresholds alarms,
                             AlarmDelays delays, Escalation escalation, NibpCadence nibpCadence,
                             Supervision supervision, DoseReconciliation doseReconciliation,
                             DrugLibrary drugLibrary) {

    /** The classpath resource holding the defaults of DOMAIN.md. */
    public static final String DEFAULT_RESOURCE = "clinic-protocol.yml";

    public ProtocolRef ref() {
        return new ProtocolRef(name, version);
    }

    /** Loads the protocol shipped with Vigil, whose values are the defaults of DOMAIN.md. */
    public static ClinicProtocol loadDefault() {
        return ClinicProtocolLoader.loadResource(DEFAULT_RESOURCE);
    }
}
