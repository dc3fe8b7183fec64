package org.vigil.core.api;

/** How a pump's programme (drug, concentration, rate, volume to be infused) changed. */
public enum ProgrammeChange {
    /** The first programme the session saw from this pump. */
    FIRST_PROGRAMME,
    /** Only the rate changed: a titration, or a rate programmed wrongly and corrected. */
    RATE_CHANGED,
    /** The drug, the concentration or the volume to be infused changed (the rate may have changed too). */
    PROGRAMME_CHANGED
}
