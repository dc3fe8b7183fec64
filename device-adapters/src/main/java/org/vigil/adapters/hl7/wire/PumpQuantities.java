package org.vigil.adapters.hl7.wire;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Brings pump quantities to the units of {@link org.vigil.core.api.PumpReport}: mL/h, mL, mg/mL and a
 * duration. A row without a unit is read in the unit the IHE pump model gives the term (IPEC sample message:
 * {@code MDC_DIM_MILLI_L_PER_HR}, {@code MDC_DIM_MILLI_L}, {@code MDC_DIM_MILLI_G_PER_ML}, {@code MDC_DIM_MIN}).
 * A unit that is not of the right dimension gives no value, never a wrong one: a dose check on a misread
 * rate is worse than no dose check.
 */
final class PumpQuantities {

    private static final Map<String, Double> FLOW_TO_ML_PER_HOUR = Map.of(
            "", 1.0, "mL/h", 1.0, "mL/min", 60.0, "L/h", 1000.0, "uL/h", 0.001);
    private static final Map<String, Double> VOLUME_TO_ML = Map.of(
            "", 1.0, "mL", 1.0, "L", 1000.0, "uL", 0.001);
    private static final Map<String, Double> CONCENTRATION_TO_MG_PER_ML = Map.of(
            "", 1.0, "mg/mL", 1.0, "ug/mL", 0.001, "g/L", 1.0, "mg/L", 0.001, "g/mL", 1000.0);
    private static final Map<String, Double> TIME_TO_SECONDS = Map.of(
            "", 60.0, "min", 60.0, "s", 1.0, "h", 3600.0);

    private PumpQuantities() {
    }

    static Optional<Double> mlPerHour(ObxRow row) {
        return convert(row, FLOW_TO_ML_PER_HOUR);
    }

    static Optional<Double> ml(ObxRow row) {
        return convert(row, VOLUME_TO_ML);
    }

    static Optional<Double> mgPerMl(ObxRow row) {
        return convert(row, CONCENTRATION_TO_MG_PER_ML);
    }

    static Optional<Duration> duration(ObxRow row) {
        return convert(row, TIME_TO_SECONDS).map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Whether the row's unit is one {@code to} can convert (an empty unit counts as the term's own). */
    static boolean knowsUnit(ObxRow row, Map<String, Double> to) {
        return to.containsKey(row.unit());
    }

    static boolean isFlow(ObxRow row) {
        return knowsUnit(row, FLOW_TO_ML_PER_HOUR);
    }

    static boolean isVolume(ObxRow row) {
        return knowsUnit(row, VOLUME_TO_ML);
    }

    static boolean isConcentration(ObxRow row) {
        return knowsUnit(row, CONCENTRATION_TO_MG_PER_ML);
    }

    static boolean isTime(ObxRow row) {
        return knowsUnit(row, TIME_TO_SECONDS);
    }

    private static Optional<Double> convert(ObxRow row, Map<String, Double> factors) {
        Double factor = factors.get(row.unit());
        if (factor == null) {
            return Optional.empty();
        }
        return row.number().map(value -> value * factor);
    }
}
