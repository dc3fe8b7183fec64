package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.alarm.NibpStaleRule.Staleness;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.NibpCadence;

/**
 * A reading older than its cadence + 50 % is stale (docs/DOMAIN.md, "Vital signs"): every 5 min for the first 45 min,
 * so stale after 7.5 min; then every 15 min, so stale after 22.5 min. Times are seconds after the start.
 */
class NibpStaleRuleTest {

    private static final NibpCadence CADENCE = ClinicProtocol.loadDefault().nibpCadence();
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest(name = "last reading at {0} s, now {1} s -> stale: {2}")
    @CsvSource(nullValues = "-", value = {
            "600,  1050, false",
            "600,  1051, true",
            "2640, 3090, false",
            "2640, 3091, true",
            "2700, 4050, false",
            "2700, 4051, true",
            "-,    450,  false",
            "-,    451,  true",
    })
    void staleAfterTheIntervalPlusHalf(Integer lastReading, int now, boolean stale) {
        // when
        Staleness staleness = NibpStaleRule.decide(CADENCE, START,
                lastReading == null ? null : START.plusSeconds(lastReading), START.plusSeconds(now));

        // then
        assertThat(staleness.decision() instanceof Condition).isEqualTo(stale);
    }

    @ParameterizedTest(name = "last reading at {0} s -> stale since {1} s")
    @CsvSource(nullValues = "-", value = {
            "600,  1050",
            "2700, 4050",
            "-,    450",
    })
    void recordsWhenTheReadingBecameStale(Integer lastReading, int staleSince) {
        // when
        Staleness staleness = NibpStaleRule.decide(CADENCE, START,
                lastReading == null ? null : START.plusSeconds(lastReading), START.plusSeconds(5000));

        // then
        assertThat(staleness.since()).isEqualTo(START.plusSeconds(staleSince));
        assertThat(staleness.decision()).isInstanceOfSatisfying(Condition.class, condition -> {
            assertThat(condition.priority()).isEqualTo(AlarmPriority.LOW);
            assertThat(condition.kind()).isEqualTo(AlarmKind.TECHNICAL);
        });
    }

    @Test
    void tellsTheNurseHowOldTheReadingIsAndHowOftenItIsDue() {
        // when
        Staleness staleness = NibpStaleRule.decide(CADENCE, START, START.plus(Duration.ofMinutes(10)),
                START.plus(Duration.ofMinutes(18)));

        // then
        assertThat(((Condition) staleness.decision()).message())
                .isEqualTo("last blood pressure 8 min ago, due every 5 min");
    }
}
