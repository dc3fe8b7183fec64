package org.vigil.core.protocol;

/**
 * One drug of the library: limits for the dose of a session (mg/kg) and for the dose rate (mg/kg/h).
 *
 * @param drug the name a pump or prescription uses for it, compared without regard to case
 */
public record DrugLimits(String drug, LimitBand dosePerSessionMgPerKg, LimitBand doseRateMgPerKgPerHour) {
}
