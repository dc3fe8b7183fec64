package org.vigil.simulator.patient;

import java.util.Objects;

/** One value a monitor displays, in the unit the monitor reports it in (/min, %, mmHg), as an integer. */
public record Measurement(VitalSign vital, int value) {

    public Measurement {
        Objects.requireNonNull(vital, "vital");
    }
}
