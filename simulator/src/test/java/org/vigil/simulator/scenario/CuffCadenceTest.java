package org.vigil.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;

class CuffCadenceTest {

    @Test
    void measuresEveryFiveMinutesForTheFirstFortyFiveThenEveryFifteen() {
        // given
        CuffCadence cadence = new CuffCadence();
        List<Long> minutes = new ArrayList<>();

        // when
        for (int i = 0; i < 14; i++) {
            minutes.add(cadence.next().toMinutes());
        }

        // then
        assertThat(minutes).containsExactly(0L, 5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 60L, 75L, 90L, 105L);
    }

    @Test
    void addsOneConfirmingReadingWhenAReadingFirstLeavesTheLimits() {
        // given: systolic 190 from 2 min to 7 min, 120 otherwise
        CuffSchedule schedule = CuffSchedule.regular(List.of(Duration.ofMinutes(2)), at -> reading(at,
                at.compareTo(Duration.ofMinutes(2)) >= 0 && at.compareTo(Duration.ofMinutes(7)) < 0 ? 190 : 120));
        List<Duration> times = new ArrayList<>();

        // when
        for (int i = 0; i < 6; i++) {
            times.add(schedule.next().at());
        }

        // then
        assertThat(times).containsExactly(Duration.ZERO, Duration.ofMinutes(2), Duration.ofSeconds(150),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15));
    }

    private static CuffReading reading(Duration at, int systolic) {
        return new CuffReading(at, List.of(
                new Measurement(VitalSign.NIBP_SYSTOLIC, systolic)));
    }
}
