package org.vigil.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.WorkflowRules;
import org.vigil.core.session.SessionProgress.BloodPressure;
import org.vigil.core.session.SessionProgress.Spo2;

/**
 * Discharge criteria of general sedation practice (docs/DOMAIN.md, "Session lifecycle"): BP within 20 mmHg of baseline,
 * SpO2 ≥ 95 % on room air, Aldrete score ≥ 9. Judged from the latest readings, which must be recent: a blood
 * pressure from an hour ago says nothing about the patient leaving now. A difference equal to the limit is met.
 */
final class DischargeCriteria {

    private DischargeCriteria() {
    }

    /** Each criterion not met, in words; empty when all are met. */
    static List<String> unmet(BaselineVitals baseline, BloodPressure bloodPressure, Spo2 spo2, int aldreteScore,
                              WorkflowRules rules, Instant at) {
        List<String> unmet = new ArrayList<>();
        Duration within = rules.dischargeReadingsWithin();
        String recent = "in the last " + SessionProgress.minutes(within);
        if (bloodPressure == null || Duration.between(bloodPressure.at(), at).compareTo(within) > 0) {
            unmet.add("no blood pressure " + recent);
        } else if (baseline == null || baseline.systolic() == null || baseline.diastolic() == null) {
            unmet.add("no baseline blood pressure to compare with");
        } else {
            nearBaseline(unmet, "SBP", bloodPressure.systolic(), baseline.systolic(), rules.dischargeBpWithin());
            nearBaseline(unmet, "DBP", bloodPressure.diastolic(), baseline.diastolic(), rules.dischargeBpWithin());
        }
        if (spo2 == null || Duration.between(spo2.at(), at).compareTo(within) > 0) {
            unmet.add("no SpO2 " + recent);
        } else if (spo2.value() < rules.dischargeSpo2AtLeast()) {
            unmet.add("SpO2 " + PreDoseGateRule.plain(spo2.value()) + " % is below "
                    + PreDoseGateRule.plain(rules.dischargeSpo2AtLeast()) + " %");
        }
        if (aldreteScore < rules.dischargeAldreteAtLeast()) {
            unmet.add("Aldrete score " + aldreteScore + " is below " + rules.dischargeAldreteAtLeast());
        }
        return List.copyOf(unmet);
    }

    private static void nearBaseline(List<String> unmet, String what, int value, int baseline, double within) {
        int difference = Math.abs(value - baseline);
        if (difference > within) {
            unmet.add(what + " " + value + " mmHg is " + difference + " mmHg " + (value > baseline ? "above" : "below")
                    + " baseline " + baseline + " (at most " + PreDoseGateRule.plain(within) + ")");
        }
    }
}
