package org.vigil.core.protocol;

import java.time.Duration;

/**
 * The times and criteria of a session's workflow (docs/DOMAIN.md, "The treatment" and "Session lifecycle"): how long a
 * patient is observed, how esketamine devices are spaced, when the REMS blood-pressure checks fall, and what
 * discharge requires.
 */
public record WorkflowSettings(Observation observation, EsketamineDevices esketamineDevices,
                               Checkpoints checkpoints, Discharge discharge) {

    /**
     * @param esketamineFromFirstDevice at least 2 h from the first device (Spravato REMS)
     * @param ivAfterInfusionEnd        default 60 min after the infusion ends
     */
    public record Observation(Duration esketamineFromFirstDevice, Duration ivAfterInfusionEnd) {
    }

    /** 28 mg devices 5 min apart; 56 mg is two devices, 84 mg three (Spravato prescribing information). */
    public record EsketamineDevices(Duration spacing, int maximum) {
    }

    /**
     * REMS blood-pressure checks besides the one before dosing.
     *
     * @param midObservation       after the dose start ("about 40 min after")
     * @param midObservationWindow how far before or after that a reading still counts
     * @param beforeDischargeWindow how long before the end of observation a reading counts as "before discharge"
     */
    public record Checkpoints(Duration midObservation, Duration midObservationWindow,
                              Duration beforeDischargeWindow) {
    }

    /**
     * General sedation discharge criteria: BP within 20 mmHg of baseline, SpO2 ≥ 95 % on room air, Aldrete ≥ 9.
     *
     * @param readingsWithin the readings judged must be no older than this
     */
    public record Discharge(double bloodPressureWithinOfBaseline, double spo2AtLeast, int aldreteAtLeast,
                            Duration readingsWithin) {
    }
}
