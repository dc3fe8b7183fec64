package org.vigil.core.api;

import java.util.Optional;

/**
 * The vital signs Vigil knows, by their IEEE 11073-10101 MDC code and UCUM unit
 * (docs/DOMAIN.md, "Vital signs").
 */
public enum Vital {
    HEART_RATE(147842, "MDC_ECG_HEART_RATE", "/min"),
    PULSE_RATE(149530, "MDC_PULS_OXIM_PULS_RATE", "/min"),
    SPO2(150456, "MDC_PULS_OXIM_SAT_O2", "%"),
    NIBP_SYSTOLIC(150021, "MDC_PRESS_BLD_NONINV_SYS", "mm[Hg]"),
    NIBP_DIASTOLIC(150022, "MDC_PRESS_BLD_NONINV_DIA", "mm[Hg]"),
    NIBP_MEAN(150023, "MDC_PRESS_BLD_NONINV_MEAN", "mm[Hg]"),
    NIBP_PULSE_RATE(149546, "MDC_PULS_RATE_NON_INV", "/min"),
    RESPIRATORY_RATE(151562, "MDC_RESP_RATE", "/min"),
    ETCO2(151708, "MDC_AWAY_CO2_ET", "mm[Hg]");

    private final int mdcCode;
    private final String mdcName;
    private final String unit;
    /** This vital as {@link #ofMdcCode} answers it, made once: every stored observation asks. */
    private final Optional<Vital> found = Optional.of(this);

    Vital(int mdcCode, String mdcName, String unit) {
        this.mdcCode = mdcCode;
        this.mdcName = mdcName;
        this.unit = unit;
    }

    public int mdcCode() {
        return mdcCode;
    }

    public String mdcName() {
        return mdcName;
    }

    /** The UCUM unit every observation of this vital is stored in. */
    public String unit() {
        return unit;
    }

    private static final Vital[] ALL = values();

    public static Optional<Vital> ofMdcCode(int code) {
        for (Vital vital : ALL) {
            if (vital.mdcCode == code) {
                return vital.found;
            }
        }
        return Optional.empty();
    }
}
