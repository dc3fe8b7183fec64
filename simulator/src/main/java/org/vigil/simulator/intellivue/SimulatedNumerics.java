package org.vigil.simulator.intellivue;

/**
 * The numerics the impersonated monitor shows at one moment. A {@code null} is a measurement that is not available
 * (sent as FLOAT-Type NaN).
 */
public record SimulatedNumerics(Double heartRate, Double spo2, Double pulseRate, Double respiratoryRate,
                                Double nibpSystolic, Double nibpDiastolic, Double nibpMean) {

    public static SimulatedNumerics unavailable() {
        return new SimulatedNumerics(null, null, null, null, null, null, null);
    }
}
