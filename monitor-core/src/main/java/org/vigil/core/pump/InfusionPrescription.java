package org.vigil.core.pump;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.InfusionPrescribedEvent;

/**
 * A weight-based infusion prescription and what follows from it (docs/DOMAIN.md, "The treatment" and "Infusion pumps"):
 * the dose is mg/kg × weight, the volume to be infused is dose / concentration, and the pump's rate is that volume
 * over the duration. For the standard 0.5 mg/kg over 40 min, 70 kg at 10 mg/mL: 35 mg, 3.5 mL, 5.25 mL/h.
 */
public record InfusionPrescription(String drug, double mgPerKg, Duration duration, double concentrationMgPerMl,
                                   double weightKg) {

    public static InfusionPrescription of(InfusionPrescribedEvent event) {
        return new InfusionPrescription(event.drug(), event.mgPerKg(), event.duration(),
                event.concentrationMgPerMl(), event.weightKg());
    }

    /** Everything that makes these values unusable for a dose, in words a prescriber understands; empty if none. */
    public static List<String> problems(String drug, double mgPerKg, Duration duration, double concentrationMgPerMl,
                                        double weightKg) {
        List<String> problems = new ArrayList<>();
        if (drug == null || drug.isBlank()) {
            problems.add("the drug must be named");
        }
        if (!isPositive(mgPerKg)) {
            problems.add("the dose must be more than 0 mg/kg, got " + mgPerKg);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            problems.add("the duration must be more than 0 minutes, got " + duration);
        }
        if (!isPositive(concentrationMgPerMl)) {
            problems.add("the concentration must be more than 0 mg/mL, got " + concentrationMgPerMl);
        }
        if (!isPositive(weightKg)) {
            problems.add("the session has no weight to compute the dose from (got " + weightKg + " kg)");
        }
        return problems;
    }

    public double expectedDoseMg() {
        return mgPerKg * weightKg;
    }

    public double vtbiMl() {
        return expectedDoseMg() / concentrationMgPerMl;
    }

    public double expectedRateMlPerHour() {
        return vtbiMl() / hours();
    }

    public double expectedMgPerHour() {
        return expectedDoseMg() / hours();
    }

    public double expectedMgPerKgPerHour() {
        return mgPerKg / hours();
    }

    private double hours() {
        return duration.toNanos() / 3_600_000_000_000.0;
    }

    private static boolean isPositive(double value) {
        return value > 0 && !Double.isInfinite(value);
    }
}
