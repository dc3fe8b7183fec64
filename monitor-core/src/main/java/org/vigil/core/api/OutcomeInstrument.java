package org.vigil.core.api;

/**
 * A depression rating scale a session's outcome is scored with: the Montgomery–Åsberg Depression Rating Scale
 * (ten items scored 0–6, total 0–60; Montgomery and Åsberg 1979), clinician-rated, and the Patient Health
 * Questionnaire-9 (nine items scored 0–3, total 0–27; Kroenke 2001), self-reported.
 */
public enum OutcomeInstrument {
    MADRS(60),
    PHQ_9(27);

    private final int maximum;

    OutcomeInstrument(int maximum) {
        this.maximum = maximum;
    }

    /** The highest total; the lowest is 0. */
    public int maximum() {
        return maximum;
    }
}
