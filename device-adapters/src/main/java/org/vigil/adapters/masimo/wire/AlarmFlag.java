package org.vigil.adapters.masimo.wire;

import java.util.EnumSet;
import java.util.Set;

/**
 * The bits of the oximeter's {@code ALARM} field (docs/PROTOCOLS.md §4). Only the {@linkplain #technical()
 * technical} ones become conditions on the chair: the oximeter's own limit alarms use limits set at the device,
 * while Vigil decides physiological alarms from the values with the clinic's thresholds, delays and latching
 * (docs/DOMAIN.md, "Alarm rules"); they are decoded so the record of a line is complete, not raised twice.
 */
public enum AlarmFlag {
    SPO2_HIGH(0x0001, "SpO2 above the oximeter's high limit", false),
    SPO2_LOW(0x0002, "SpO2 below the oximeter's low limit", false),
    PULSE_RATE_HIGH(0x0004, "Pulse rate above the oximeter's high limit", false),
    PULSE_RATE_LOW(0x0008, "Pulse rate below the oximeter's low limit", false),
    ALARM_ACTIVE(0x0010, "Oximeter alarm active", false),
    ALARM_SILENCED(0x0020, "Oximeter alarm sound silenced at the device", true),
    LOW_BATTERY(0x0040, "Oximeter battery low", true),
    SPCO_HIGH(0x0100, "SpCO above the oximeter's high limit", false),
    SPCO_LOW(0x0200, "SpCO below the oximeter's low limit", false),
    SPMET_HIGH(0x0400, "SpMet above the oximeter's high limit", false),
    SPMET_LOW(0x0800, "SpMet below the oximeter's low limit", false),
    DESATURATION_INDEX(0x1000, "Desaturation index alarm", false),
    PI_DELTA(0x2000, "PI rate-of-change alarm", false);

    private final int bit;
    private final String text;
    private final boolean technical;

    AlarmFlag(int bit, String text, boolean technical) {
        this.bit = bit;
        this.text = text;
        this.technical = technical;
    }

    public int bit() {
        return bit;
    }

    public String text() {
        return text;
    }

    /** Whether the flag is about the equipment rather than the patient. */
    public boolean technical() {
        return technical;
    }

    /** The flags set in an {@code ALARM} field. */
    public static Set<AlarmFlag> of(int bits) {
        Set<AlarmFlag> set = EnumSet.noneOf(AlarmFlag.class);
        for (AlarmFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                set.add(flag);
            }
        }
        return set;
    }
}
