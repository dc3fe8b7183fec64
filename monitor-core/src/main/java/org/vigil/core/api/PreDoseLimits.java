package org.vigil.core.api;

/**
 * The pre-dose gate's limits as the session recorded them: hold when SBP is above {@code systolicAbove} (above
 * {@code olderSystolicAbove} from {@code olderFromAge}) or DBP above {@code diastolicAbove}.
 */
public record PreDoseLimits(double systolicAbove, int olderFromAge, double olderSystolicAbove,
                            double diastolicAbove) {
}
