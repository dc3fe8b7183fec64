package org.vigil.simulator.pump;

import java.time.Duration;

/**
 * A weight-based infusion as prescribed: {@code mgPerKg} over {@code duration} for a patient of {@code weightKg},
 * from a bag of {@code concentrationMgPerMl}. The default ketamine entry is 0.5 mg/kg over 40 min (docs/DOMAIN.md,
 * "Infusion pumps"): for 70 kg at 1 mg/mL that is 35 mg in 35 mL at 52.5 mL/h, 0.75 mg/kg/h.
 */
public record PumpDose(String drug, double weightKg, double concentrationMgPerMl, double mgPerKg,
                       Duration duration) {

    public PumpDose {
        if (!(weightKg > 0) || !(concentrationMgPerMl > 0) || !(mgPerKg > 0) || duration.isNegative()
                || duration.isZero()) {
            throw new IllegalArgumentException("weight, concentration, dose and duration must be positive");
        }
    }

    public static PumpDose ketamine(double weightKg, double concentrationMgPerMl) {
        return new PumpDose("KETAMINE", weightKg, concentrationMgPerMl, 0.5, Duration.ofMinutes(40));
    }

    public double doseMg() {
        return mgPerKg * weightKg;
    }

    public double volumeMl() {
        return doseMg() / concentrationMgPerMl;
    }

    public Programme programme() {
        double hours = duration.toNanos() / 3.6e12;
        return new Programme(drug, concentrationMgPerMl, volumeMl() / hours, volumeMl(), mgPerKg / hours,
                "mg/kg/h");
    }
}
