package org.vigil.simulator.patient;

/**
 * The signals a simulated vital-sign monitor reports (docs/DOMAIN.md "Vital signs"). The first four are
 * sampled every second; the NIBP group is measured once per cuff cycle.
 */
public enum VitalSign {
    HEART_RATE,
    PULSE_RATE,
    SPO2,
    RESPIRATORY_RATE,
    NIBP_SYSTOLIC,
    NIBP_DIASTOLIC,
    NIBP_MEAN,
    NIBP_PULSE_RATE;

    /** True for the values that only a completed cuff cycle produces. */
    public boolean isNibp() {
        return this == NIBP_SYSTOLIC || this == NIBP_DIASTOLIC || this == NIBP_MEAN || this == NIBP_PULSE_RATE;
    }
}
