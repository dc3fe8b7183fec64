package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;

/** One completed NIBP cuff cycle: the time it completed and systolic, diastolic, mean and pulse rate. */
public record CuffReading(Duration at, List<Measurement> measurements) {

    public CuffReading {
        Objects.requireNonNull(at, "at");
        measurements = List.copyOf(measurements);
    }

    public OptionalInt value(VitalSign vital) {
        return measurements.stream()
                .filter(measurement -> measurement.vital() == vital)
                .mapToInt(Measurement::value)
                .findFirst();
    }
}
