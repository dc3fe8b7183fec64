package org.vigil.core.session;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.PreDoseLimits;

/**
 * The pre-dose hold (docs/DOMAIN.md, "Alarm rules"): withhold when SBP is above 140 mmHg (above 150 from age 65) or DBP
 * above 90 — the esketamine phase-3 rule (Janssen), and the default for IV ketamine. A value equal to a limit passes.
 */
final class PreDoseGateRule {

    record Decision(GateOutcome outcome, List<String> reasons) {
    }

    private PreDoseGateRule() {
    }

    static Decision decide(int systolic, int diastolic, int ageYears, PreDoseLimits limits) {
        List<String> reasons = new ArrayList<>();
        boolean older = ageYears >= limits.olderFromAge();
        double systolicLimit = older ? limits.olderSystolicAbove() : limits.systolicAbove();
        if (systolic > systolicLimit) {
            reasons.add("SBP " + systolic + " mmHg is above " + plain(systolicLimit)
                    + (older ? " (age " + limits.olderFromAge() + " and over)" : ""));
        }
        if (diastolic > limits.diastolicAbove()) {
            reasons.add("DBP " + diastolic + " mmHg is above " + plain(limits.diastolicAbove()));
        }
        return new Decision(reasons.isEmpty() ? GateOutcome.PASS : GateOutcome.HOLD, List.copyOf(reasons));
    }

    static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
