package org.vigil.query.web;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.scenario.CuffReading;
import org.vigil.simulator.scenario.Scenario;
import org.vigil.simulator.scenario.VitalsTrace;

/**
 * A scenario's patient with the monitor's cuff cycling every {@code interval} instead of on the clinical cadence
 * (every 5 minutes, then every 15): the readings are the scenario's own, in their order, each taken sooner. For
 * tests that need a fresh blood pressure after each step without waiting a clinical cuff cycle for it.
 */
record FrequentCuff(Scenario scenario, Duration interval) implements Scenario {

    @Override
    public String name() {
        return scenario.name() + "-cuff-every-" + interval.toSeconds() + "s";
    }

    @Override
    public VitalsTrace start(long seed) {
        VitalsTrace trace = scenario.start(seed);
        return new VitalsTrace() {
            @Override
            public List<Measurement> periodicAt(Duration elapsed) {
                return trace.periodicAt(elapsed);
            }

            @Override
            public Iterator<CuffReading> cuffReadings() {
                Iterator<CuffReading> readings = trace.cuffReadings();
                return new Iterator<>() {
                    private long taken;

                    @Override
                    public boolean hasNext() {
                        return readings.hasNext();
                    }

                    @Override
                    public CuffReading next() {
                        return new CuffReading(interval.multipliedBy(taken++), readings.next().measurements());
                    }
                };
            }
        };
    }
}
