package org.vigil.simulator.patient;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A simulated patient receiving one IV ketamine infusion that starts at t = 0: a seeded baseline, a seeded
 * blood-pressure response, slow physiological drift and beat-to-beat noise. Everything is a pure function of
 * the seed and the time, so the same seed always gives the same session.
 */
public final class PatientModel {

    private static final long DRIFT_CHANNEL = 1_000;
    private static final long NOISE_CHANNEL = 2_000;

    private final long seed;
    private final Baseline baseline;
    private final KetamineResponse response;

    public PatientModel(long seed, Baseline baseline, KetamineResponse response) {
        this.seed = seed;
        this.baseline = baseline;
        this.response = response;
    }

    /** The patient the seed stands for: baseline and infusion response drawn from the docs/DOMAIN.md distributions. */
    public static PatientModel fromSeed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Baseline baseline = Baseline.draw(random);
        KetamineResponse response = KetamineResponse.draw(random);
        return new PatientModel(seed, baseline, response);
    }

    public long seed() {
        return seed;
    }

    public Baseline baseline() {
        return baseline;
    }

    public KetamineResponse response() {
        return response;
    }

    /**
     * The noiseless value at a time since the infusion started. Heart rate rises only slightly with the
     * blood pressure (docs/DOMAIN.md: "heart rate changes little").
     */
    public double underlying(VitalSign vital, Duration sinceStart) {
        return switch (vital) {
            case NIBP_SYSTOLIC -> baseline.systolic() + response.systolicRiseAt(sinceStart) + drift(vital, sinceStart, 3);
            case NIBP_DIASTOLIC -> baseline.diastolic() + response.diastolicRiseAt(sinceStart) + drift(vital, sinceStart, 2);
            case NIBP_MEAN -> meanArterial(underlying(VitalSign.NIBP_SYSTOLIC, sinceStart),
                    underlying(VitalSign.NIBP_DIASTOLIC, sinceStart));
            case HEART_RATE, PULSE_RATE, NIBP_PULSE_RATE -> baseline.heartRate() + 3 * response.shapeAt(sinceStart)
                    + drift(VitalSign.HEART_RATE, sinceStart, 2);
            case SPO2 -> baseline.spo2() + drift(vital, sinceStart, 0.4);
            case RESPIRATORY_RATE -> baseline.respiratoryRate() + drift(vital, sinceStart, 1);
        };
    }

    /**
     * Beat-to-beat (or reading-to-reading) variation for the sample with the given index, in the vital's
     * unit; bounded to two standard deviations.
     */
    public double noise(VitalSign vital, long sampleIndex) {
        double sigma = switch (vital) {
            case HEART_RATE, NIBP_PULSE_RATE -> 1.5;
            case PULSE_RATE, RESPIRATORY_RATE -> 1.0;
            case SPO2 -> 0.5;
            case NIBP_SYSTOLIC -> 2.0;
            case NIBP_DIASTOLIC -> 1.5;
            case NIBP_MEAN -> 0;
        };
        return sigma * Noise.gaussian(seed, NOISE_CHANNEL + vital.ordinal(), sampleIndex);
    }

    /** Mean arterial pressure from a cuff's systolic and diastolic: DBP + (SBP − DBP) / 3. */
    public static double meanArterial(double systolic, double diastolic) {
        return diastolic + (systolic - diastolic) / 3;
    }

    /** Rounds to what a monitor displays, within the range the device can measure. */
    public static int displayed(VitalSign vital, double value) {
        double clamped = switch (vital) {
            case HEART_RATE, PULSE_RATE, NIBP_PULSE_RATE -> Baseline.clamp(value, 25, 250);
            case SPO2 -> Baseline.clamp(value, 50, 100);
            case RESPIRATORY_RATE -> Baseline.clamp(value, 3, 60);
            case NIBP_SYSTOLIC -> Baseline.clamp(value, 50, 260);
            case NIBP_DIASTOLIC, NIBP_MEAN -> Baseline.clamp(value, 25, 200);
        };
        return (int) Math.round(clamped);
    }

    /** Two slow oscillations (periods 7 and 19 min) with seeded phases: breathing, posture, talking. */
    private double drift(VitalSign vital, Duration sinceStart, double amplitude) {
        double seconds = sinceStart.toMillis() / 1000.0;
        double phase1 = 2 * Math.PI * Noise.uniform(seed, DRIFT_CHANNEL + vital.ordinal(), 0);
        double phase2 = 2 * Math.PI * Noise.uniform(seed, DRIFT_CHANNEL + vital.ordinal(), 1);
        return amplitude * (0.6 * Math.sin(2 * Math.PI * seconds / 420 + phase1)
                + 0.4 * Math.sin(2 * Math.PI * seconds / 1140 + phase2));
    }
}
