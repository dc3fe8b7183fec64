package org.vigil.core.api;

/** The pre-dose gate's decision (docs/DOMAIN.md, "Alarm rules": pre-dose hold). */
public enum GateOutcome {
    PASS,
    /** Dosing is withheld until the blood pressure passes or a provider overrides the hold with a reason. */
    HOLD
}
