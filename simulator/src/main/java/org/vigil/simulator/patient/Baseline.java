package org.vigil.simulator.patient;

import java.util.SplittableRandom;

/**
 * A patient's resting values before dosing, drawn from the default distributions of docs/DOMAIN.md
 * "Simulator realism": SBP N(125, 15), DBP N(78, 10), HR N(75, 12), SpO2 N(97, 1.5), RR N(14, 3),
 * each clamped to a range an outpatient who is fit for the session can have.
 */
public record Baseline(double systolic, double diastolic, double heartRate, double spo2, double respiratoryRate) {

    /** Draws a baseline; the same random state gives the same patient. */
    public static Baseline draw(SplittableRandom random) {
        double systolic = clamp(125 + 15 * random.nextGaussian(), 95, 160);
        double diastolic = clamp(78 + 10 * random.nextGaussian(), 55, Math.min(100, systolic - 25));
        double heartRate = clamp(75 + 12 * random.nextGaussian(), 50, 110);
        double spo2 = clamp(97 + 1.5 * random.nextGaussian(), 93, 100);
        double respiratoryRate = clamp(14 + 3 * random.nextGaussian(), 8, 24);
        return new Baseline(systolic, diastolic, heartRate, spo2, respiratoryRate);
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
