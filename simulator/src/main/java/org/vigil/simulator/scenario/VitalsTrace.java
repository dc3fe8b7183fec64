package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.vigil.simulator.patient.Measurement;

/**
 * What one monitor measures over a session, as a function of the time since the monitor started (which is
 * also the start of the infusion).
 */
public interface VitalsTrace {

    /** The once-a-second values: heart rate, SpO2, pulse rate, respiratory rate. */
    List<Measurement> periodicAt(Duration elapsed);

    /** The completed cuff cycles, in time order; a fresh iterator starts again at the first reading. */
    Iterator<CuffReading> cuffReadings();
}
