package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.Objects;
import org.vigil.simulator.patient.VitalSign;

/** One value of a {@link ScriptedScenario}: from {@code offset} after the start, {@code vital} reads {@code value}. */
public record ScriptedValue(Duration offset, VitalSign vital, int value) {

    public ScriptedValue {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(vital, "vital");
        if (offset.isNegative()) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    public static ScriptedValue at(Duration offset, VitalSign vital, int value) {
        return new ScriptedValue(offset, vital, value);
    }
}
