package org.vigil.adapters.masimo.wire;

import java.util.EnumSet;
import java.util.Set;

/**
 * The bits of the oximeter's {@code EXC} field that Vigil turns into technical conditions (docs/PROTOCOLS.md §4,
 * which names the sources). Bit {@code 0x800} ("Masimo SET": the algorithm runs in full SET mode) and
 * {@code 0x20000} (sensor initialising after it is attached) are states, not faults, and are not conditions;
 * reserved bits are ignored.
 *
 * <p>A flag that {@linkplain #stopsMeasuring() stops measuring} means the oximeter has no value it stands behind:
 * the line's SpO2, pulse rate and PI are then recorded as not available whatever digits it carries (the Rad-8 writes
 * zeros with "sensor off").
 */
public enum ExceptionFlag {
    NO_SENSOR(0x000001, "No sensor connected", true),
    DEFECTIVE_SENSOR(0x000002, "Defective sensor", true),
    LOW_PERFUSION(0x000004, "Low perfusion", false),
    PULSE_SEARCH(0x000008, "Pulse search", false),
    INTERFERENCE(0x000010, "Interference", false),
    SENSOR_OFF(0x000020, "Sensor off patient", true),
    AMBIENT_LIGHT(0x000040, "Too much ambient light", false),
    UNRECOGNIZED_SENSOR(0x000080, "Unrecognised sensor", true),
    INCOMPATIBLE_SENSOR(0x000100, "Incompatible sensor", true),
    LOW_SIGNAL_IQ(0x000400, "Low signal quality (Signal IQ)", false),
    NO_CABLE(0x001000, "No patient cable connected", true),
    CABLE_LIFE_EXPIRED(0x002000, "Patient cable life expired", false),
    INCOMPATIBLE_CABLE(0x004000, "Incompatible patient cable", true),
    UNRECOGNIZED_CABLE(0x008000, "Unrecognised patient cable", true),
    DEFECTIVE_CABLE(0x010000, "Defective patient cable", true),
    SENSOR_LIFE_EXPIRED(0x040000, "Sensor life expired", true),
    EMITTER_TEMPERATURE(0x080000, "Sensor emitter temperature out of range", true),
    SENSOR_CURRENT_LIMIT(0x100000, "Sensor current limit exceeded", true),
    SPCO_LOW_CONFIDENCE(0x200000, "SpCO low confidence", false),
    SPMET_LOW_CONFIDENCE(0x400000, "SpMet low confidence", false);

    private final int bit;
    private final String text;
    private final boolean stopsMeasuring;

    ExceptionFlag(int bit, String text, boolean stopsMeasuring) {
        this.bit = bit;
        this.text = text;
        this.stopsMeasuring = stopsMeasuring;
    }

    public int bit() {
        return bit;
    }

    /** The condition in words, as the station shows it. */
    public String text() {
        return text;
    }

    /** Whether the oximeter has no trustworthy SpO2, pulse rate or PI while the flag is set. */
    public boolean stopsMeasuring() {
        return stopsMeasuring;
    }

    /** The flags set in an {@code EXC} field. */
    public static Set<ExceptionFlag> of(int bits) {
        Set<ExceptionFlag> set = EnumSet.noneOf(ExceptionFlag.class);
        for (ExceptionFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                set.add(flag);
            }
        }
        return set;
    }
}
