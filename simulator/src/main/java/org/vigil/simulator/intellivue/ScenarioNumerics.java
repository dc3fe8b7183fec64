package org.vigil.simulator.intellivue;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.CuffReading;
import org.vigil.simulator.scenario.VitalsTrace;

/**
 * What a monitor playing a scenario shows when it is polled. Simulated time starts at {@code wallStart} and runs
 * {@code speed} times as fast as the wall clock, as for the HL7 monitors. The once-a-second numerics are the
 * trace's values of the current simulated second (a monitor updates its numerics each second). NIBP is an
 * episodic measurement: the monitor keeps showing the last completed cuff cycle until the next one completes, and
 * shows nothing before the first (docs/DOMAIN.md, "Vital signs"). Simulated time never runs backwards, even if the
 * wall clock does.
 */
final class ScenarioNumerics implements NumericsSource {

    private final VitalsTrace trace;
    private final Iterator<CuffReading> cuffReadings;
    private final Instant wallStart;
    private final double speed;
    private CuffReading nextCuffReading;
    private CuffReading shownCuffReading;
    private Duration reached = Duration.ZERO;

    ScenarioNumerics(VitalsTrace trace, Instant wallStart, double speed) {
        this.trace = trace;
        this.cuffReadings = trace.cuffReadings();
        this.nextCuffReading = cuffReadings.hasNext() ? cuffReadings.next() : null;
        this.wallStart = wallStart;
        this.speed = speed;
    }

    @Override
    public synchronized SimulatedNumerics read(Instant now) {
        Duration elapsed = elapsedSeconds(now);
        while (nextCuffReading != null && nextCuffReading.at().compareTo(elapsed) <= 0) {
            shownCuffReading = nextCuffReading;
            nextCuffReading = cuffReadings.hasNext() ? cuffReadings.next() : null;
        }
        List<Measurement> periodic = trace.periodicAt(elapsed);
        return new SimulatedNumerics(
                value(periodic, VitalSign.HEART_RATE),
                value(periodic, VitalSign.SPO2),
                value(periodic, VitalSign.PULSE_RATE),
                value(periodic, VitalSign.RESPIRATORY_RATE),
                cuff(VitalSign.NIBP_SYSTOLIC),
                cuff(VitalSign.NIBP_DIASTOLIC),
                cuff(VitalSign.NIBP_MEAN));
    }

    private Duration elapsedSeconds(Instant now) {
        long wallNanos = Math.max(0, Duration.between(wallStart, now).toNanos());
        Duration elapsed = Duration.ofSeconds(Duration.ofNanos((long) (wallNanos * speed)).toSeconds());
        if (elapsed.compareTo(reached) > 0) {
            reached = elapsed;
        }
        return reached;
    }

    private Double cuff(VitalSign vital) {
        if (shownCuffReading == null) {
            return null;
        }
        var value = shownCuffReading.value(vital);
        return value.isPresent() ? (double) value.getAsInt() : null;
    }

    private static Double value(List<Measurement> measurements, VitalSign vital) {
        return measurements.stream()
                .filter(measurement -> measurement.vital() == vital)
                .map(measurement -> (double) measurement.value())
                .findFirst()
                .orElse(null);
    }
}
