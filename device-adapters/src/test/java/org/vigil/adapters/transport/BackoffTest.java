package org.vigil.adapters.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void defaultScheduleDoublesFromHalfASecondUpToTenSeconds() {
        // given
        Backoff backoff = new Backoff(ReconnectPolicy.defaults());

        // when
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            delays.add(backoff.next());
        }

        // then
        assertThat(delays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    @Test
    void startsOverFromTheInitialDelayAfterASuccessfulConnection() {
        // given
        Backoff backoff = new Backoff(ReconnectPolicy.defaults());
        backoff.next();
        backoff.next();
        backoff.next();

        // when
        backoff.reset();

        // then
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void followsAConfiguredPolicy() {
        // given
        Backoff backoff = new Backoff(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(1_000), 3.0));

        // when
        List<Duration> delays = List.of(backoff.next(), backoff.next(), backoff.next(), backoff.next());

        // then
        assertThat(delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900),
                Duration.ofMillis(1_000));
    }

    @Test
    void aMultiplierOfOneRetriesAtAFixedDelay() {
        // given
        Backoff backoff = new Backoff(new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(2), 1.0));

        // when
        List<Duration> delays = List.of(backoff.next(), backoff.next(), backoff.next());

        // then
        assertThat(delays).containsOnly(Duration.ofSeconds(2));
    }

    @Test
    void refusesAPolicyThatCouldRetryWithoutPauseOrShrink() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial delay");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max delay");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
    }
}
