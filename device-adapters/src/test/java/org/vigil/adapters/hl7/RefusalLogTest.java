package org.vigil.adapters.hl7;

import org.junit.jupiter.api.Test;
import org.vigil.core.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalLogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final RefusalLog log = new RefusalLog(clock);

    @Test
    void reportsTheFirstRefusalFromAnAddressThenAtMostOnceAMinuteWithTheCountInBetween() {
        // when
        long first = log.refusedFrom("10.0.0.7");
        long second = log.refusedFrom("10.0.0.7");
        clock.advance(Duration.ofSeconds(59));
        long third = log.refusedFrom("10.0.0.7");
        clock.advance(Duration.ofSeconds(1));
        long afterAMinute = log.refusedFrom("10.0.0.7");

        // then
        assertThat(first).isZero();
        assertThat(second).isEqualTo(-1);
        assertThat(third).isEqualTo(-1);
        assertThat(afterAMinute).isEqualTo(2);
    }

    @Test
    void reportsEachAddressOnItsOwn() {
        // when
        log.refusedFrom("10.0.0.7");

        // then
        assertThat(log.refusedFrom("10.0.0.8")).isZero();
        assertThat(log.refusedFrom("10.0.0.7")).isEqualTo(-1);
    }

    @Test
    void remembersABoundedNumberOfAddresses() {
        // when
        for (int i = 0; i < 3 * RefusalLog.MAX_ADDRESSES; i++) {
            log.refusedFrom("10.1." + (i / 256) + "." + (i % 256));
        }

        // then
        assertThat(log.addressesRemembered()).isEqualTo(RefusalLog.MAX_ADDRESSES);
    }
}
