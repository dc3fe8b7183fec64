package org.vigil.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadResultTest {

    @Test
    void dividesAnsweredMessagesByTheElapsedTime() {
        // given
        LoadResult result = new LoadResult(2, Duration.ofSeconds(4), 900, 60, 40, 5, 0, latencies(1_000, 1_000_000));

        // then
        assertThat(result.answered()).isEqualTo(1_000);
        assertThat(result.throughputPerSecond()).isCloseTo(250.0, within(1e-9));
    }

    @Test
    void readsPercentilesInMilliseconds() {
        // given
        Histogram latencies = new Histogram(3);
        for (long ms = 1; ms <= 100; ms++) {
            latencies.recordValue(ms * 1_000_000);
        }
        LoadResult result = new LoadResult(1, Duration.ofSeconds(1), 100, 0, 0, 0, 0, latencies);

        // then
        assertThat(result.latencyMillis(50)).isCloseTo(50.0, within(0.1));
        assertThat(result.latencyMillis(99)).isCloseTo(99.0, within(0.1));
        assertThat(result.maxLatencyMillis()).isCloseTo(100.0, within(0.1));
    }

    @Test
    void addsTwoRunsAndMergesTheirLatencies() {
        // given
        LoadResult first = new LoadResult(4, Duration.ofSeconds(2), 10, 1, 0, 0, 0, latencies(11, 2_000_000));
        LoadResult second = new LoadResult(4, Duration.ofSeconds(3), 20, 0, 1, 2, 1, latencies(21, 4_000_000));

        // when
        LoadResult both = first.plus(second);

        // then
        assertThat(both).extracting(LoadResult::connections, LoadResult::elapsed, LoadResult::accepted,
                LoadResult::errors, LoadResult::rejections, LoadResult::timeouts, LoadResult::connectionFailures)
                .containsExactly(4, Duration.ofSeconds(5), 30L, 1L, 1L, 2L, 1L);
        assertThat(both.latencies().getTotalCount()).isEqualTo(32);
        assertThat(both.maxLatencyMillis()).isCloseTo(4.0, within(0.01));
    }

    @Test
    void isAllAcceptedOnlyWithoutAnyNakTimeoutOrLostConnection() {
        Histogram some = latencies(3, 1_000_000);
        assertThat(new LoadResult(1, Duration.ofSeconds(1), 3, 0, 0, 0, 0, some).allAccepted()).isTrue();
        assertThat(new LoadResult(1, Duration.ofSeconds(1), 2, 1, 0, 0, 0, some).allAccepted()).isFalse();
        assertThat(new LoadResult(1, Duration.ofSeconds(1), 2, 0, 1, 0, 0, some).allAccepted()).isFalse();
        assertThat(new LoadResult(1, Duration.ofSeconds(1), 3, 0, 0, 1, 0, some).allAccepted()).isFalse();
        assertThat(new LoadResult(1, Duration.ofSeconds(1), 3, 0, 0, 0, 1, some).allAccepted()).isFalse();
        assertThat(new LoadResult(1, Duration.ofSeconds(1), 0, 0, 0, 0, 0, new Histogram(3)).allAccepted()).isFalse();
    }

    @Test
    void keepsItsLatenciesWhenTheCallerChangesTheHistogram() {
        // given
        Histogram latencies = latencies(5, 1_000_000);
        LoadResult result = new LoadResult(1, Duration.ofSeconds(1), 5, 0, 0, 0, 0, latencies);

        // when
        latencies.recordValue(9_000_000);
        result.latencies().recordValue(9_000_000);

        // then
        assertThat(result.latencies().getTotalCount()).isEqualTo(5);
    }

    private static Histogram latencies(int count, long nanos) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(nanos, count);
        return histogram;
    }
}
