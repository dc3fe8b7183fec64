package org.vigil.query.security;

/** Who uses Vigil (docs/DOMAIN.md, "Who uses it"). */
public enum Role {
    /** Live view, acknowledgements, workflow actions at the chair. */
    NURSE,
    /** Everything a nurse sees, plus review and overrides. */
    DIRECTOR,
    /** Devices and the simulator; no patient workflow actions. */
    ENGINEER
}
