package org.vigil.core.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The alarm rules about the dose a patient is given, by the stable name recorded as an alarm's {@code rule}.
 * A screen offers an override only for {@link #DRUG_LIBRARY_SOFT_LIMIT}.
 */
public enum DoseSafetyRule {
    /** The programme or the (projected) delivered dose departs from the prescription by more than the tolerance. */
    DOSE_MISMATCH("dose-mismatch"),
    /** A programme past a soft limit of the drug library: an advisory a nurse may override with a reason. */
    DRUG_LIBRARY_SOFT_LIMIT("drug-library-soft-limit"),
    /** A programme past a hard limit of the drug library: cannot be overridden. */
    DRUG_LIBRARY_HARD_LIMIT("drug-library-hard-limit");

    private final String ruleName;

    DoseSafetyRule(String ruleName) {
        this.ruleName = ruleName;
    }

    public String ruleName() {
        return ruleName;
    }

    public static Optional<DoseSafetyRule> ofRuleName(String rule) {
        return Arrays.stream(values()).filter(r -> r.ruleName.equals(rule)).findFirst();
    }
}
