package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vigil.simulator.patient.PatientModel;

/** A scenario driven by the seeded {@link PatientModel}, optionally with one scripted {@link Excursion}. */
final class ModelledScenario implements Scenario {

    private final String name;
    private final Optional<Excursion> excursion;
    private final List<Duration> extraCuffCycles;

    ModelledScenario(String name, Optional<Excursion> excursion, List<Duration> extraCuffCycles) {
        this.name = name;
        this.excursion = excursion;
        this.extraCuffCycles = List.copyOf(extraCuffCycles);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VitalsTrace start(long seed) {
        return new ModelledTrace(PatientModel.fromSeed(seed), excursion, extraCuffCycles);
    }

    @Override
    public String toString() {
        return name;
    }
}
