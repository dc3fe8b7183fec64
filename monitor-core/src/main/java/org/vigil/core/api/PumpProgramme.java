package org.vigil.core.api;

/**
 * What the pump was programmed to deliver. Any field may be {@code null} when the pump did not report it.
 *
 * @param concentrationMgPerMl drug concentration, mg/mL
 * @param rateMlPerHour        programmed rate (MDC_FLOW_FLUID_PUMP 157784), mL/h
 * @param vtbiMl               volume to be infused, mL
 * @param doseRate             dose rate as the pump states it, in {@code doseRateUnit} (e.g. {@code mg/kg/h})
 */
public record PumpProgramme(String drug, Double concentrationMgPerMl, Double rateMlPerHour, Double vtbiMl,
                            Double doseRate, String doseRateUnit) {
}
