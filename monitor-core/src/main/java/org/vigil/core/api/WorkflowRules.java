package org.vigil.core.api;

import java.time.Duration;

/**
 * The clinic protocol's rules a session's workflow runs under, recorded with the session at check-in so a later
 * change of the protocol file does not change a session already under way (docs/DOMAIN.md, "Session lifecycle").
 *
 * @param esketamineObservation      minimum observation from the first esketamine device (REMS: 2 h)
 * @param ivObservationAfterInfusion minimum observation after an IV infusion ends (default 60 min)
 * @param esketamineDeviceSpacing    least time between two esketamine devices (5 min)
 * @param esketamineMaximumDevices   devices per session (3 × 28 mg = 84 mg)
 * @param midCheckpointAfterDose     the REMS blood pressure "about 40 min" after dosing
 * @param midCheckpointWindow        how far before or after that time a reading counts
 * @param beforeDischargeWindow      how long before the end of observation a reading counts as "before discharge"
 * @param dischargeBpWithin          SBP and DBP within this many mmHg of baseline
 * @param dischargeSpo2AtLeast       SpO2 at least this, in %
 * @param dischargeAldreteAtLeast    Aldrete score at least this
 * @param dischargeReadingsWithin    the readings judged must be no older than this
 */
public record WorkflowRules(PreDoseLimits preDose, Duration esketamineObservation,
                            Duration ivObservationAfterInfusion, Duration esketamineDeviceSpacing,
                            int esketamineMaximumDevices, Duration midCheckpointAfterDose,
                            Duration midCheckpointWindow, Duration beforeDischargeWindow, double dischargeBpWithin,
                            double dischargeSpo2AtLeast, int dischargeAldreteAtLeast,
                            Duration dischargeReadingsWithin) {
}
