package org.vigil.core.protocol;

/**
 * How far the programmed rate or the delivered dose may depart from the prescription before the dose-mismatch
 * alarm sounds (docs/DOMAIN.md, "Infusion pumps": default 10 %).
 */
public record DoseReconciliation(double mismatchTolerancePercent) {

    /** The tolerance as a fraction: 10 % is 0.1. */
    public double tolerance() {
        return mismatchTolerancePercent / 100;
    }
}
