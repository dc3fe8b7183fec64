package org.vigil.query.workflow;

import java.time.Instant;
import java.util.List;
import org.vigil.core.api.SessionWorkflowView;

/**
 * What the station's session panel shows of one session: its workflow, the steps its state allows next by name,
 * every step taken with who took it and when, and the infusion prescribed.
 *
 * @param steps        the names of the steps allowed next ({@code CHECK_IN}, {@code START_DOSING} …)
 * @param taken        the steps taken so far, oldest first
 * @param prescription {@code null} until a director prescribed the infusion
 */
record SessionPanel(SessionWorkflowView workflow, List<String> steps, List<Taken> taken, Prescription prescription) {

    /** One step of the session: what, who (a device's id when a pump showed it) and when. */
    record Taken(String what, String by, Instant at) {
    }

    /** The infusion a director prescribed, with what the patient's weight makes of it. */
    record Prescription(String drug, double mgPerKg, long minutes, double concentrationMgPerMl, double expectedDoseMg,
                        double vtbiMl, double rateMlPerHour, String prescribedBy, Instant at) {
    }
}
