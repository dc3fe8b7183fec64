package org.vigil.core.api;

/**
 * The patient's resting values taken before dosing; relative alarm rules compare against them.
 * Values are {@code null} when not taken.
 */
public record BaselineVitals(Integer systolic, Integer diastolic, Integer heartRate, Integer spo2) {
}
