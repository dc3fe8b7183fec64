package org.vigil.core.protocol;

/**
 * The four limits of a drug-library entry for one quantity, strictly rising: lower hard < lower soft < upper soft
 * < upper hard (docs/DOMAIN.md, "Infusion pumps": dose error reduction). A value is past a limit only when it is
 * beyond it: a programme exactly at the upper soft limit is within.
 */
public record LimitBand(double lowerHard, double lowerSoft, double upperSoft, double upperHard) {

    /** Differences smaller than this are rounding of the mL/h × mg/mL ÷ kg arithmetic, not a breach. */
    static final double ROUNDING = 1e-9;

    public Position classify(double value) {
        if (value - upperHard > ROUNDING) {
            return Position.ABOVE_UPPER_HARD;
        }
        if (value - upperSoft > ROUNDING) {
            return Position.ABOVE_UPPER_SOFT;
        }
        if (lowerHard - value > ROUNDING) {
            return Position.BELOW_LOWER_HARD;
        }
        if (lowerSoft - value > ROUNDING) {
            return Position.BELOW_LOWER_SOFT;
        }
        return Position.WITHIN;
    }

    /** Where a value lies against the band. */
    public enum Position {
        BELOW_LOWER_HARD,
        BELOW_LOWER_SOFT,
        WITHIN,
        ABOVE_UPPER_SOFT,
        ABOVE_UPPER_HARD;

        public boolean pastHardLimit() {
            return this == BELOW_LOWER_HARD || this == ABOVE_UPPER_HARD;
        }

        public boolean pastSoftLimitOnly() {
            return this == BELOW_LOWER_SOFT || this == ABOVE_UPPER_SOFT;
        }
    }
}
