package org.vigil.simulator.patient;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Blood-pressure rise during and after an IV ketamine infusion, shaped A·(t/τ)·e^(1−t/τ) with τ ≈ 35 min:
 * zero at the start, peak A at t = τ (docs/DOMAIN.md: peak 30–40 min after the start), about a quarter of A
 * 1.5 h after a 40-min infusion ends. Peak rises are drawn per infusion: SBP +16 ± 11, DBP +11 ± 8.5 mmHg
 * (docs/DOMAIN.md "Simulator realism"; Gen Hosp Psychiatry 2024; Szarmach 2020).
 */
public record KetamineResponse(double systolicPeakRise, double diastolicPeakRise, Duration timeToPeak) {

    /** τ of the rise curve. */
    public static final Duration DEFAULT_TIME_TO_PEAK = Duration.ofMinutes(35);

    /** Draws one infusion's response; rises are clamped at zero (some patients show none). */
    public static KetamineResponse draw(SplittableRandom random) {
        double systolic = Baseline.clamp(16 + 11 * random.nextGaussian(), 0, 50);
        double diastolic = Baseline.clamp(11 + 8.5 * random.nextGaussian(), 0, 35);
        return new KetamineResponse(systolic, diastolic, DEFAULT_TIME_TO_PEAK);
    }

    /** The curve's shape, 0 before the start, 1 at the peak. */
    public double shapeAt(Duration sinceInfusionStart) {
        if (sinceInfusionStart.isNegative()) {
            return 0;
        }
        double x = sinceInfusionStart.toMillis() / (double) timeToPeak.toMillis();
        return x * Math.exp(1 - x);
    }

    public double systolicRiseAt(Duration sinceInfusionStart) {
        return systolicPeakRise * shapeAt(sinceInfusionStart);
    }

    public double diastolicRiseAt(Duration sinceInfusionStart) {
        return diastolicPeakRise * shapeAt(sinceInfusionStart);
    }
}
