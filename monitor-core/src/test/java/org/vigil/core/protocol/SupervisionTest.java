package org.vigil.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupervisionTest {

    private static final Instant LAST_USABLE = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest(name = "silent after {0} s, {1} ms since the last usable message: {2}")
    @CsvSource({
            "10,     0, false",
            "10,  9999, false",
            "10, 10000, true",
            "10, 10001, true",
            " 1,   999, false",
            " 1,  1000, true",
    })
    void aDeviceIsSilentFromTheSilenceTimeOn(long silentAfterSeconds, long sinceMillis, boolean silent) {
        // given
        Supervision supervision = new Supervision(Duration.ofSeconds(silentAfterSeconds));

        // when
        boolean result = supervision.isSilent(LAST_USABLE, LAST_USABLE.plusMillis(sinceMillis));

        // then
        assertThat(result).isEqualTo(silent);
    }
}
