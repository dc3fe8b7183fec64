package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelativeTimeClockTest {

    private static final Instant ANCHOR = Instant.parse("2024-03-01T09:00:00Z");

    @Test
    void countsEighthsOfAMillisecondFromTheAnchor() {
        // given
        RelativeTimeClock clock = new RelativeTimeClock(ANCHOR, 1_000_000);

        // then
        assertThat(clock.toInstant(1_008_000)).isEqualTo(ANCHOR.plusSeconds(1));
        assertThat(clock.toInstant(1_008_001)).isEqualTo(ANCHOR.plusSeconds(1).plusNanos(125_000));
    }

    @Test
    void staysMonotonicAcrossTheThirtyTwoBitWrapAround() {
        // given: the monitor's counter is 100 ms short of wrapping
        long nearWrap = 0x1_0000_0000L - 800;
        RelativeTimeClock clock = new RelativeTimeClock(ANCHOR, nearWrap);

        // when: one reading every 50 ms for a second
        List<Instant> times = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            times.add(clock.toInstant((nearWrap + i * 400L) & 0xFFFF_FFFFL));
        }

        // then
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(times.get(19)).isEqualTo(ANCHOR.plusSeconds(1));
        assertThat(Duration.between(times.get(1), times.get(2))).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void keepsCountingAfterSeveralWrapArounds() {
        // given
        RelativeTimeClock clock = new RelativeTimeClock(ANCHOR, 0);
        long quarter = 1L << 30;

        // when: twelve quarter-turns of the counter, three full wraps
        Instant last = ANCHOR;
        for (int i = 1; i <= 12; i++) {
            last = clock.toInstant((i * quarter) & 0xFFFF_FFFFL);
        }

        // then
        assertThat(last).isEqualTo(ANCHOR.plusNanos(3 * (1L << 32) * 125_000L));
    }

    @Test
    void placesAnOlderStampBeforeTheLatestInsteadOfSixDaysLater() {
        // given
        RelativeTimeClock clock = new RelativeTimeClock(ANCHOR, 5);
        clock.toInstant(8005);

        // when: a stamp from half a second earlier, just across the wrap
        Instant older = clock.toInstant((5 - 4000) & 0xFFFF_FFFFL);

        // then
        assertThat(older).isEqualTo(ANCHOR.minusMillis(500));
    }
}
