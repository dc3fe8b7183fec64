package org.vigil.core.protocol;

/** The limits of each physiological alarm rule (docs/DOMAIN.md, "Alarm rules"). Values in the vital's UCUM unit. */
public record AlarmThresholds(SevereHypertension severeHypertension, RelativeSurge relativeSurge,
                              Hypotension hypotension, Tachycardia tachycardia, Bradycardia bradycardia,
                              Desaturation desaturation, Bradypnea bradypnea) {

    /** SBP or DBP above these limits, in mm[Hg]. */
    public record SevereHypertension(double systolicAbove, double diastolicAbove) {
    }

    /** A rise from the patient's baseline of at least these amounts, in mm[Hg] (the esketamine label's measure). */
    public record RelativeSurge(double systolicRiseAtLeast, double diastolicRiseAtLeast) {
    }

    /** SBP below this limit, in mm[Hg]. */
    public record Hypotension(double systolicBelow) {
    }

    /** Heart rate above these limits, in /min. */
    public record Tachycardia(double mediumAbove, double highAbove) {
    }

    /** Heart rate below these limits, in /min. */
    public record Bradycardia(double mediumBelow, double highBelow) {
    }

    /** SpO2 below these limits, in %. */
    public record Desaturation(double mediumBelow, double highBelow) {
    }

    /** Respiratory rate below this limit, in /min. */
    public record Bradypnea(double respiratoryRateBelow) {
    }
}
