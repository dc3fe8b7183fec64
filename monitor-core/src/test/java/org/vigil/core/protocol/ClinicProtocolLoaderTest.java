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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        assertThat(protocol.escalation()).isEqualTo(new Escalation(Duration.ofSeconds(60), Duration.ofSeconds(180),
                "charge nurse / provider"));
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

    @Test
    void theDefaultProtocolCarriesTheKetamineEntryOfTheDrugLibraryAndTheTolerance() {
        // when
        ClinicProtocol protocol = ClinicProtocol.loadDefault();

        // then
        assertThat(protocol.doseReconciliation()).isEqualTo(new DoseReconciliation(10));
        assertThat(protocol.doseReconciliation().tolerance()).isEqualTo(0.1);
        assertThat(protocol.drugLibrary().drugs()).containsExactly(new DrugLimits("ketamine",
                new LimitBand(0.05, 0.1, 0.75, 1.0), new LimitBand(0.05, 0.15, 1.0, 1.5)));
        assertThat(protocol.drugLibrary().find(" Ketamine")).isPresent();
        assertThat(protocol.drugLibrary().find("esketamine")).isEmpty();
    }

    @Test
    void loadsAClinicsOwnDrugs() {
        // given
        String yaml = defaultYaml().replace("drugLibrary:\n", """
                drugLibrary:
                  esketamine:
                    dosePerSessionMgPerKg:
                      lowerHard: 0.1
                      lowerSoft: 0.2
                      upperSoft: 0.5
                      upperHard: 0.6
                    doseRateMgPerKgPerHour:
                      lowerHard: 0.1
                      lowerSoft: 0.3
                      upperSoft: 0.75
                      upperHard: 0.9
                """);

        // when
        DrugLibrary library = ClinicProtocolLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml").drugLibrary();

        // then
        assertThat(library.drugs()).extracting(DrugLimits::drug).containsExactly("esketamine", "ketamine");
        assertThat(library.find("ESKETAMINE").orElseThrow().dosePerSessionMgPerKg())
                .isEqualTo(new LimitBand(0.1, 0.2, 0.5, 0.6));
    }

    @Test
    void rejectsDrugLimitsThatDoNotRise() {
        // given
        String yaml = defaultYaml()
                .replace("      lowerSoft: 0.1\n      upperSoft: 0.75", "      lowerSoft: 0.04\n      upperSoft: 0.75")
                .replace("      upperSoft: 1.0\n      upperHard: 1.5", "      upperSoft: 1.5\n      upperHard: 1.5");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactlyInAnyOrder(
                "drugLibrary.ketamine.dosePerSessionMgPerKg.lowerSoft: must be greater than lowerHard (0.05), got 0.04",
                "drugLibrary.ketamine.doseRateMgPerKgPerHour.upperHard: must be greater than upperSoft (1.5), got 1.5");
    }

    @Test
    void namesMissingAndMisspeltDrugLimits() {
        // given
        String yaml = defaultYaml()
                .replace("      upperHard: 1.0\n", "")
                .replace("    doseRateMgPerKgPerHour:", "    doseRateMgPerKgPerHr:");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactlyInAnyOrder(
                "drugLibrary.ketamine.dosePerSessionMgPerKg.upperHard: is missing",
                "drugLibrary.ketamine.doseRateMgPerKgPerHour: is missing",
                "drugLibrary.ketamine.doseRateMgPerKgPerHr: unknown key");
    }

    @Test
    void rejectsAnEmptyDrugLibraryAndTheSameDrugTwice() {
        // given
        String empty = defaultYaml().replaceAll("(?s)drugLibrary:\n.*?\n\n", "drugLibrary: {}\n\n");
        String entries = defaultYaml().replaceAll("(?s).*drugLibrary:\n(.*?\n)\n.*", "$1");
        String twice = defaultYaml().replace("drugLibrary:\n",
                "drugLibrary:\n" + entries.replace("  ketamine:", "  Ketamine:"));

        // when
        ClinicProtocolException emptyError = loadFailing(empty);

        // then
        assertThat(emptyError.problems()).containsExactly("drugLibrary: must name at least one drug with its limits");
        assertThat(twice).contains("Ketamine:");
        assertThat(loadFailing(twice).problems()).containsExactly(
                "drugLibrary.ketamine: names a drug already in the library (names are compared without regard to case)");
    }

    @ParameterizedTest(name = "tolerance {0}")
    @CsvSource({
            "0,   'doseReconciliation.mismatchTolerancePercent: must be more than 0 and less than 100, got 0'",
            "100, 'doseReconciliation.mismatchTolerancePercent: must be more than 0 and less than 100, got 100'",
            "-5,  'doseReconciliation.mismatchTolerancePercent: must not be negative, got -5'",
    })
    void rejectsAToleranceOutsideZeroToAHundredPercent(String tolerance, String problem) {
        // given
        String yaml = defaultYaml().replace("mismatchTolerancePercent: 10", "mismatchTolerancePercent: " + tolerance);

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).contains(problem);
    }

    @Test
    void nursesReadOnlyWhatTheClinicAllows() {
        // given
        String allowed = defaultYaml() + "\nnurseReview:\n  ownChairs: true\n";
        String notAFlag = defaultYaml() + "\nnurseReview:\n  ownChairs: sometimes\n";

        // when
        ClinicProtocol protocol = ClinicProtocolLoader.load(
                new ByteArrayInputStream(allowed.getBytes(StandardCharsets.UTF_8)), "test.yml");
        ClinicProtocolException error = loadFailing(notAFlag);

        // then
        assertThat(ClinicProtocol.loadDefault().nurseReview().ownChairs()).as("off by default").isFalse();
        assertThat(protocol.nurseReview().ownChairs()).isTrue();
        assertThat(error.problems()).containsExactly("nurseReview.ownChairs: must be true or false, got \"sometimes\"");
    }

    private static ClinicProtocolException loadFailing(String yaml) {
        return catchThrowableOfType(ClinicProtocolException.class, () -> ClinicProtocolLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml"));
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
