package org.vigil.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.ProtocolRef;

class ClinicProtocolLoaderTest {

    @Test
    void theDefaultProtocolCarriesTheThresholdsOfTheDomain() {
        // when
        ClinicProtocol protocol = ClinicProtocol.loadDefault();

        // then
        assertThat(protocol.ref()).isEqualTo(new ProtocolRef("vigil-default", "2026.1"));
        assertThat(protocol.alarms().severeHypertension()).isEqualTo(new AlarmThresholds.SevereHypertension(180, 110));
        assertThat(protocol.alarms().relativeSurge()).isEqualTo(new AlarmThresholds.RelativeSurge(40, 25));
        assertThat(protocol.alarms().hypotension()).isEqualTo(new AlarmThresholds.Hypotension(90));
        assertThat(protocol.alarms().tachycardia()).isEqualTo(new AlarmThresholds.Tachycardia(120, 140));
        assertThat(protocol.alarms().bradycardia()).isEqualTo(new AlarmThresholds.Bradycardia(50, 40));
        assertThat(protocol.alarms().desaturation()).isEqualTo(new AlarmThresholds.Desaturation(90, 85));
        assertThat(protocol.alarms().bradypnea()).isEqualTo(new AlarmThresholds.Bradypnea(8));
    }

    @Test
    void theDefaultProtocolCarriesTheGateDelaysEscalationAndCadence() {
        // when
        ClinicProtocol protocol = ClinicProtocol.loadDefault();

        // then
        assertThat(protocol.preDoseGate()).isEqualTo(new PreDoseGate(140, 65, 150, 90));
        assertThat(protocol.preDoseGate().systolicAboveFor(64)).isEqualTo(140);
        assertThat(protocol.preDoseGate().systolicAboveFor(65)).isEqualTo(150);
        assertThat(protocol.delays()).isEqualTo(new AlarmDelays(Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ZERO, Duration.ZERO));
        assertThat(protocol.escalation()).isEqualTo(new Escalation(Duration.ofSeconds(60), Duration.ofSeconds(180)));
        assertThat(protocol.nibpCadence()).isEqualTo(new NibpCadence(Duration.ofMinutes(5), Duration.ofMinutes(45),
                Duration.ofMinutes(15), 50));
        assertThat(protocol.supervision()).isEqualTo(new Supervision(Duration.ofSeconds(10)));
    }

    @Test
    void rejectsASilenceTimeOfZeroOrMissing() {
        // given
        String zero = defaultYaml().replace("deviceSilentAfterSeconds: 10", "deviceSilentAfterSeconds: 0");
        String missing = defaultYaml().replace("deviceSilentAfterSeconds: 10", "deviceSilentAfterSecs: 10");

        // when
        ClinicProtocolException zeroError = loadFailing(zero);
        ClinicProtocolException missingError = loadFailing(missing);

        // then
        assertThat(zeroError.problems())
                .containsExactly("supervision.deviceSilentAfterSeconds: must be at least 1 second, got 0");
        assertThat(missingError.problems()).containsExactlyInAnyOrder(
                "supervision.deviceSilentAfterSeconds: is missing",
                "supervision.deviceSilentAfterSecs: unknown key");
    }

    @Test
    void rejectsAProtocolWithoutSupervision() {
        // given
        String yaml = defaultYaml().replaceAll("(?s)supervision:\n.*", "");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactly("supervision: is missing");
    }

    @Test
    void loadsAClinicsOwnFile(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("protocol.yml");
        Files.writeString(file, defaultYaml()
                .replace("name: vigil-default", "name: north-clinic")
                .replace("systolicAbove: 180", "systolicAbove: 175"));

        // when
        ClinicProtocol protocol = ClinicProtocolLoader.load(file);

        // then
        assertThat(protocol.ref()).isEqualTo(new ProtocolRef("north-clinic", "2026.1"));
        assertThat(protocol.alarms().severeHypertension().systolicAbove()).isEqualTo(175);
    }

    @Test
    void namesTheKeyOfAValueThatIsNotANumber() {
        // given
        String yaml = defaultYaml().replace("systolicAbove: 180", "systolicAbove: abc");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems())
                .containsExactly("alarms.severeHypertension.systolicAbove: must be a number, got \"abc\"");
        assertThat(error).hasMessage("clinic protocol test.yml is invalid:\n"
                + "  alarms.severeHypertension.systolicAbove: must be a number, got \"abc\"");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        // given
        String yaml = defaultYaml()
                .replace("version: \"2026.1\"", "version: 2026.1")
                .replace("  hypotension:            # MEDIUM\n    systolicBelow: 90\n", "")
                .replace("mediumAbove: 120", "mediumAbove: 150")
                .replace("spo2Seconds: 15", "spo2Seconds: 7.5")
                .replace("olderFromAge: 65", "olderFromAge: -65")
                .replace("diastolicRiseAtLeast: 25", "diastolicRiseAtLeast: 25\n    diastolicRizeAtLeast: 20");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactlyInAnyOrder(
                "version: must be text (in quotes), got number 2026.1",
                "alarms.hypotension: is missing",
                "alarms.tachycardia.highAbove: must be greater than mediumAbove (150), got 140",
                "delays.spo2Seconds: must be a whole number, got number 7.5",
                "preDoseGate.olderFromAge: must not be negative, got -65",
                "alarms.relativeSurge.diastolicRizeAtLeast: unknown key");
    }

    @Test
    void rejectsAHighLimitOnTheWrongSideOfTheMediumLimit() {
        // given
        String yaml = defaultYaml()
                .replace("    mediumBelow: 90\n    highBelow: 85", "    mediumBelow: 90\n    highBelow: 92")
                .replace("    mediumBelow: 50\n    highBelow: 40", "    mediumBelow: 50\n    highBelow: 50");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactlyInAnyOrder(
                "alarms.desaturation.highBelow: must be less than mediumBelow (90), got 92",
                "alarms.bradycardia.highBelow: must be less than mediumBelow (50), got 50");
    }

    @Test
    void rejectsASectionThatIsNotAMappingAndAnEmptyValue() {
        // given
        String yaml = defaultYaml()
                .replace("name: vigil-default", "name:")
                .replaceAll("(?s)escalation:\n.*?\n\n", "escalation: soon\n\n");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactlyInAnyOrder(
                "name: must have a value, got nothing",
                "escalation: must be a mapping of keys, got \"soon\"");
    }

    @Test
    void reportsMalformedYamlWithItsLine() {
        // given
        String yaml = "name: x\nversion: \"1\"\nalarms:\n  - [unclosed\n";

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.getMessage()).startsWith("clinic protocol test.yml is invalid:\n  not valid YAML at line");
    }

    @Test
    void rejectsAnEmptyFile() {
        // when
        ClinicProtocolException error = loadFailing("");

        // then
        assertThat(error.problems()).containsExactly("the file must be a mapping of keys, starting with name and version");
    }

    private static ClinicProtocolException loadFailing(String yaml) {
        return catchThrowableOfType(() -> ClinicProtocolLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml"),
                ClinicProtocolException.class);
    }

    private static String defaultYaml() {
        try (InputStream in = ClinicProtocolLoaderTest.class.getClassLoader()
                .getResourceAsStream(ClinicProtocol.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
