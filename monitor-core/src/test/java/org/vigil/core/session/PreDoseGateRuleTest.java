package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.PreDoseLimits;
import org.vigil.core.protocol.ClinicProtocol;

/** The pre-dose hold at its exact boundaries (docs/DOMAIN.md, "Alarm rules": SBP > 140, > 150 from age 65, DBP > 90). */
class PreDoseGateRuleTest {

    private static final PreDoseLimits LIMITS = ClinicProtocol.loadDefault().workflowRules().preDose();

    @ParameterizedTest(name = "{0}/{1} mmHg at age {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            140 | 80 | 64 | PASS |
            141 | 80 | 64 | HOLD | SBP 141 mmHg is above 140
            141 | 80 | 65 | PASS |
            150 | 80 | 65 | PASS |
            151 | 80 | 65 | HOLD | SBP 151 mmHg is above 150 (age 65 and over)
            150 | 80 | 64 | HOLD | SBP 150 mmHg is above 140
            130 | 90 | 44 | PASS |
            130 | 91 | 44 | HOLD | DBP 91 mmHg is above 90
            130 | 91 | 70 | HOLD | DBP 91 mmHg is above 90
            """)
    void holdsAboveTheLimitsAndPassesAtThem(int systolic, int diastolic, int age, GateOutcome outcome,
                                            String reason) {
        // when
        PreDoseGateRule.Decision decision = PreDoseGateRule.decide(systolic, diastolic, age, LIMITS);

        // then
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.reasons()).isEqualTo(reason == null ? List.of() : List.of(reason));
    }

    @Test
    void namesEveryLimitThatIsPassed() {
        // when
        PreDoseGateRule.Decision decision = PreDoseGateRule.decide(152, 95, 44, LIMITS);

        // then
        assertThat(decision.reasons()).containsExactly("SBP 152 mmHg is above 140", "DBP 95 mmHg is above 90");
    }
}
