package org.vigil.core.api;

/** The treatment given in a session (docs/DOMAIN.md, "The treatment"). */
public enum Treatment {
    /** Racemic ketamine by intravenous infusion, typically 0.5 mg/kg over 40 min. */
    IV_KETAMINE,
    /** Esketamine nasal spray, 56 or 84 mg as 28 mg devices 5 min apart. */
    ESKETAMINE
}
