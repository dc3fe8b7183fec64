package org.vigil.simulator.pump;

import java.util.Objects;

/**
 * What the pump is programmed to deliver.
 *
 * @param doseRate     in {@code doseRateUnit}, e.g. 0.75 mg/kg/h
 */
public record Programme(String drug, double concentrationMgPerMl, double rateMlPerHour, double vtbiMl,
                        double doseRate, String doseRateUnit) {

    public Programme {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(doseRateUnit, "dose rate unit");
        if (!(concentrationMgPerMl >= 0) || !(rateMlPerHour >= 0) || !(vtbiMl >= 0) || !(doseRate >= 0)) {
            throw new IllegalArgumentException("programme values must not be negative");
        }
    }

    public Programme withRate(double mlPerHour, double newDoseRate) {
        return new Programme(drug, concentrationMgPerMl, mlPerHour, vtbiMl, newDoseRate, doseRateUnit);
    }

    public Programme withVtbi(double ml) {
        return new Programme(drug, concentrationMgPerMl, rateMlPerHour, ml, doseRate, doseRateUnit);
    }
}
