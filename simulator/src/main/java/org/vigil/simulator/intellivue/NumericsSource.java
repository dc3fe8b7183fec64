package org.vigil.simulator.intellivue;

import java.time.Instant;

/** Supplies the values the impersonated monitor reports when it is polled. */
@FunctionalInterface
public interface NumericsSource {

    SimulatedNumerics read(Instant now);

    static NumericsSource fixed(SimulatedNumerics numerics) {
        return now -> numerics;
    }
}
