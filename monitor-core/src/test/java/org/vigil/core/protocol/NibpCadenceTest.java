package org.vigil.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NibpCadenceTest {

    private static final NibpCadence DEFAULTS = new NibpCadence(Duration.ofMinutes(5), Duration.ofMinutes(45),
            Duration.ofMinutes(15), 50);
    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

    @ParameterizedTest(name = "a reading at minute {0} is followed by the next at minute {1}")
    @CsvSource({
            "0, 5",
            "10, 15",
            "44, 49",
            "45, 60",
            "90, 105"})
    void measuresEveryFiveMinutesForTheFirst45ThenEvery15(int readingMinute, int dueMinute) {
        // when
        Instant due = DEFAULTS.nextDue(START, START.plus(Duration.ofMinutes(readingMinute)));

        // then
        assertThat(due).isEqualTo(START.plus(Duration.ofMinutes(dueMinute)));
    }

    @Test
    void isDueAtTheStartWhenNoReadingWasTakenYet() {
        assertThat(DEFAULTS.nextDue(START, null)).isEqualTo(START);
        assertThat(DEFAULTS.isStale(START, null, START.plusSeconds(3600))).isFalse();
    }

    @ParameterizedTest(name = "a reading at minute {0} is stale at second {1}: {2}")
    @CsvSource({
            "10, 1050, false",
            "10, 1051, true",
            "60, 4950, false",
            "60, 4951, true"})
    void isStaleOnceOlderThanItsIntervalPlusHalf(int readingMinute, int nowSecond, boolean stale) {
        // given: 5 min + 50 % = 7.5 min early on; 15 min + 50 % = 22.5 min later
        Instant reading = START.plus(Duration.ofMinutes(readingMinute));

        // when / then
        assertThat(DEFAULTS.isStale(START, reading, START.plusSeconds(nowSecond))).isEqualTo(stale);
    }
}
