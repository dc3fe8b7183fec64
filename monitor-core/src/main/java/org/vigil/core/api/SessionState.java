package org.vigil.core.api;

/**
 * Where a session stands in the clinic's workflow (docs/DOMAIN.md, "Session lifecycle"):
 * {@code SCHEDULED → CHECKED_IN → PRE_ASSESSMENT → GATE → (DEFERRED | DOSING) → OBSERVATION →
 * DISCHARGE_ASSESSMENT → DISCHARGED → DOCUMENTED → REVIEWED}, with {@code ESCALATED} and {@code TRANSFERRED}
 * reachable from any active state.
 */
public enum SessionState {
    /** Booked at a chair; the patient has not arrived. */
    SCHEDULED,
    CHECKED_IN,
    /** Weight, baseline vitals, interacting medications and the ride home are recorded. */
    PRE_ASSESSMENT,
    /** The pre-dose blood pressure was checked: the gate passed, or holds until a provider overrides it. */
    GATE,
    /** The dose was withheld today. */
    DEFERRED,
    DOSING,
    OBSERVATION,
    DISCHARGE_ASSESSMENT,
    DISCHARGED,
    DOCUMENTED,
    REVIEWED,
    /** A provider was called to the chair. */
    ESCALATED,
    /** The patient was sent to emergency care. */
    TRANSFERRED;

    /** The patient is in the clinic's care at the chair: escalation and transfer are possible. */
    public boolean active() {
        return switch (this) {
            case CHECKED_IN, PRE_ASSESSMENT, GATE, DOSING, OBSERVATION, DISCHARGE_ASSESSMENT, ESCALATED -> true;
            default -> false;
        };
    }
}
