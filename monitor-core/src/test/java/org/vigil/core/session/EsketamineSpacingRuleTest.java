package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Esketamine devices 5 min apart (docs/DOMAIN.md, "The treatment"): 4:59 is refused, 5:00 accepted. */
class EsketamineSpacingRuleTest {

    private static final Instant DEVICE_1 = Instant.parse("2026-03-02T09:15:00Z");
    private static final Duration SPACING = Duration.ofMinutes(5);

    @ParameterizedTest(name = "{0} after device 1: accepted {1}")
    @CsvSource({
            "PT0S, false",
            "PT4M59S, false",
            "PT4M59.999S, false",
            "PT5M, true",
            "PT5M1S, true",
            "PT30M, true"})
    void acceptsADeviceFromFiveMinutesAfterTheOneBefore(Duration after, boolean accepted) {
        // when
        Optional<String> refusal = EsketamineSpacingRule.refusal(2, DEVICE_1, DEVICE_1.plus(after), SPACING);

        // then
        assertThat(refusal.isEmpty()).isEqualTo(accepted);
    }

    @Test
    void saysWhenTheNextDeviceMayBeGiven() {
        // when
        Optional<String> refusal = EsketamineSpacingRule.refusal(3, DEVICE_1, DEVICE_1.plusSeconds(150), SPACING);

        // then
        assertThat(refusal).contains("esketamine device 3 at 2026-03-02T09:17:30Z would be 2 min 30 s after device 2 "
                + "(given at 2026-03-02T09:15:00Z): devices must be at least 5 min apart, the earliest is "
                + "2026-03-02T09:20:00Z");
    }

    @Test
    void refusesADeviceTimedBeforeTheOneBefore() {
        // when
        Optional<String> refusal = EsketamineSpacingRule.refusal(2, DEVICE_1, DEVICE_1.minusSeconds(60), SPACING);

        // then
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("would be before device 1"));
    }

    @Test
    void theFirstDeviceHasNothingToWaitFor() {
        // when / then
        assertThat(EsketamineSpacingRule.refusal(1, null, DEVICE_1, SPACING)).isEmpty();
    }
}
