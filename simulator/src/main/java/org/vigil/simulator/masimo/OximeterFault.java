package org.vigil.simulator.masimo;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault of the oximeter during a window of simulated time: the sensor slips off the finger, is unplugged, or
 * the perfusion at the site is too low.
 *
 * @param kind  what happens
 * @param from  when it starts, since the oximeter started
 * @param until when it ends
 */
public record OximeterFault(Kind kind, Duration from, Duration until) {

    /** The kinds of fault, each with the exception bit the oximeter then sets. */
    public enum Kind {
        /** Sensor off the patient: no values. */
        SENSOR_OFF(OximeterLine.SENSOR_OFF, false),
        /** Sensor unplugged: no values. */
        NO_SENSOR(OximeterLine.NO_SENSOR, false),
        /** Low perfusion: values go on, flagged. */
        LOW_PERFUSION(OximeterLine.LOW_PERFUSION, true);

        private final int exceptionBit;
        private final boolean valuesContinue;

        Kind(int exceptionBit, boolean valuesContinue) {
            this.exceptionBit = exceptionBit;
            this.valuesContinue = valuesContinue;
        }

        int exceptionBit() {
            return exceptionBit;
        }

        boolean valuesContinue() {
            return valuesContinue;
        }
    }

    public OximeterFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.compareTo(from) <= 0) {
            throw new IllegalArgumentException("a fault ends after it starts: " + from + " to " + until);
        }
    }

    public static OximeterFault sensorOff(Duration from, Duration until) {
        return new OximeterFault(Kind.SENSOR_OFF, from, until);
    }

    boolean activeAt(Duration elapsed) {
        return elapsed.compareTo(from) >= 0 && elapsed.compareTo(until) < 0;
    }
}
