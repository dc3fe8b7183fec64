package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.WorkflowRules;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.SessionProgress.BloodPressure;
import org.vigil.core.session.SessionProgress.Spo2;

/**
 * Discharge criteria at their boundaries (docs/DOMAIN.md, "Session lifecycle": BP within 20 mmHg of baseline, SpO2 ≥ 95 %,
 * Aldrete ≥ 9), judged from readings no older than 15 min.
 */
class DischargeCriteriaTest {

    private static final WorkflowRules RULES = ClinicProtocol.loadDefault().workflowRules();
    private static final BaselineVitals BASELINE = new BaselineVitals(125, 78, 72, 98);
    private static final Instant AT = Instant.parse("2026-03-02T11:00:00Z");

    @ParameterizedTest(name = "{0}/{1} mmHg, SpO2 {2}, Aldrete {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            145 | 78 | 95   | 9  |
            146 | 78 | 95   | 9  | SBP 146 mmHg is 21 mmHg above baseline 125 (at most 20)
            105 | 78 | 95   | 9  |
            104 | 78 | 95   | 9  | SBP 104 mmHg is 21 mmHg below baseline 125 (at most 20)
            125 | 98 | 95   | 9  |
            125 | 99 | 95   | 9  | DBP 99 mmHg is 21 mmHg above baseline 78 (at most 20)
            125 | 57 | 95   | 9  | DBP 57 mmHg is 21 mmHg below baseline 78 (at most 20)
            125 | 78 | 94.9 | 9  | SpO2 94.9 % is below 95 %
            125 | 78 | 100  | 8  | Aldrete score 8 is below 9
            125 | 78 | 97   | 10 |
            """)
    void judgesEachCriterionAtItsBoundary(int systolic, int diastolic, double spo2, int aldrete, String unmet) {
        // when
        List<String> result = DischargeCriteria.unmet(BASELINE, new BloodPressure(systolic, diastolic, "monitor",
                AT.minusSeconds(60)), new Spo2(spo2, AT.minusSeconds(5)), aldrete, RULES, AT);

        // then
        assertThat(result).isEqualTo(unmet == null ? List.of() : List.of(unmet));
    }

    @ParameterizedTest(name = "readings {0} s old: met {1}")
    @CsvSource({
            "900, true",
            "901, false"})
    void judgesOnlyReadingsOfTheLastFifteenMinutes(long ageSeconds, boolean met) {
        // given
        Instant taken = AT.minusSeconds(ageSeconds);

        // when
        List<String> result = DischargeCriteria.unmet(BASELINE, new BloodPressure(125, 78, "monitor", taken),
                new Spo2(97, taken), 10, RULES, AT);

        // then
        assertThat(result.isEmpty()).isEqualTo(met);
        if (!met) {
            assertThat(result).containsExactly("no blood pressure in the last 15 min", "no SpO2 in the last 15 min");
        }
    }

    @Test
    void cannotJudgeWithoutABaseline() {
        // when
        List<String> result = DischargeCriteria.unmet(new BaselineVitals(null, null, 72, 98),
                new BloodPressure(125, 78, "monitor", AT), new Spo2(97, AT), 10, RULES, AT);

        // then
        assertThat(result).containsExactly("no baseline blood pressure to compare with");
    }
}
