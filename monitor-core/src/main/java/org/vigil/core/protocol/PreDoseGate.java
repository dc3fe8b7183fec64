package org.vigil.core.protocol;

/**
 * Hold before dosing: withhold when the pre-dose SBP or DBP is above these limits, with a higher systolic limit
 * from a given age (esketamine phase-3 rule, Janssen; the default for IV ketamine too, docs/DOMAIN.md "Session
 * lifecycle").
 */
public record PreDoseGate(double systolicAbove, int olderFromAge, double olderSystolicAbove, double diastolicAbove) {

    /** The systolic limit that applies to a patient of this age. */
    public double systolicAboveFor(int ageYears) {
        return ageYears >= olderFromAge ? olderSystolicAbove : systolicAbove;
    }
}
