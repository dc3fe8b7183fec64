package org.vigil.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadArgumentsTest {

    @Test
    void readsEveryOption() throws Exception {
        // when
        LoadSettings settings = LoadArguments.parse("--mllp", "vigil.local:2576", "--connections", "8",
                "--duration", "45s", "--messages", "10000", "--ack-timeout", "PT2S", "--device-prefix", "gw-");

        // then
        assertThat(settings).isEqualTo(new LoadSettings("vigil.local", 2576, 8, Duration.ofSeconds(45), 10_000,
                Duration.ofSeconds(2), "gw-"));
        assertThat(settings.deviceName(3)).isEqualTo("gw-03");
    }

    @Test
    void defaultsToFourConnectionsForThirtySecondsAgainstTheStandardPort() throws Exception {
        // when
        LoadSettings settings = LoadArguments.parse();

        // then
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.port()).isEqualTo(2575);
        assertThat(settings.connections()).isEqualTo(4);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.messageLimit()).isZero();
        assertThat(settings.deviceName(1)).isEqualTo("load-monitor-01");
    }

    @Test
    void readsEveryStandbyInTheOrderGiven() throws Exception {
        // when
        LoadSettings settings = LoadArguments.parse("--mllp", "vigil-a:2575", "--standby", "vigil-b:2575",
                "--standby", "vigil-c:2575");

        // then
        assertThat(settings.addresses()).containsExactly("vigil-a:2575", "vigil-b:2575", "vigil-c:2575");
    }

    @Test
    void answersHelpWithNoSettings() throws Exception {
        assertThat(LoadArguments.parse("--connections", "2", "--help")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "--connections, 0, bad value '0' for --connections",
            "--connections, many, bad value 'many' for --connections",
            "--duration, soon, bad value 'soon' for --duration",
            "--mllp, vigil, bad value 'vigil' for --mllp",
            "--mllp, vigil:99999, bad value 'vigil:99999' for --mllp",
            "--colour, red, unknown option --colour"})
    void refusesAnOptionThatDoesNotParse(String option, String value, String message) {
        assertThatThrownBy(() -> LoadArguments.parse(option, value))
                .isInstanceOf(LoadArguments.UsageException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> LoadArguments.parse("--duration"))
                .isInstanceOf(LoadArguments.UsageException.class)
                .hasMessage("missing value for --duration");
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "5m, PT5M", "2h, PT2H", "PT1M30S, PT1M30S"})
    void readsShortAndIsoDurations(String text, Duration expected) {
        assertThat(LoadArguments.duration(text)).isEqualTo(expected);
    }
}
