package org.vigil.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicArgumentsTest {

    @Test
    void readsEveryOption() throws Exception {
        // when
        ClinicSettings settings = ClinicArguments.parse("--clinic", "1000", "--mllp", "vigil.local:2576",
                "--http", "https://vigil.local", "--user", "ward", "--password", "secret", "--warm-up", "5s",
                "--duration", "2m", "--gateways", "100", "--stations", "3", "--abnormal-percent", "5",
                "--ack-timeout", "3s", "--no-setup");

        // then
        assertThat(settings).isEqualTo(new ClinicSettings("vigil.local", 2576, URI.create("https://vigil.local"),
                "ward", "secret", 1000, 100, 3, 5.0, Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(3), false));
    }

    @Test
    void defaultsToOneGatewayForEveryFourChairsTwoStationsAndTwoPercentAbnormal() throws Exception {
        // when
        ClinicSettings settings = ClinicArguments.parse("--clinic", "250");

        // then
        assertThat(settings.gateways()).isEqualTo(63);
        assertThat(settings.stations()).isEqualTo(2);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.setUpSessions()).isTrue();
        List<ClinicChair> chairs = ClinicChair.clinic(settings.chairs(), settings.abnormalPercent());
        assertThat(chairs.stream().filter(ClinicChair::abnormal)).hasSize(5);
        assertThat(ClinicChair.deviceBindings(chairs)).hasSize(500)
                .containsEntry("clinic-monitor-0250", "chair-250").containsEntry("clinic-pump-0001", "chair-1");
    }

    @Test
    void refusesAClinicWithoutChairs() {
        assertThatThrownBy(() -> ClinicArguments.parse("--duration", "10s"))
                .isInstanceOf(LoadArguments.UsageException.class).hasMessageContaining("--clinic");
        assertThat(ClinicArguments.asked("--mllp", "x:1", "--clinic", "4")).isTrue();
    }
}
