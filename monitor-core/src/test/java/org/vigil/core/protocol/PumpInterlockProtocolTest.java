package org.vigil.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmPriority;

/** The opt-in pump interlock section of the clinic protocol file. */
class PumpInterlockProtocolTest {

    @Test
    void isOffInTheDefaultProtocol() {
        // when
        PumpInterlock interlock = ClinicProtocol.loadDefault().pumpInterlock();

        // then
        assertThat(interlock.enabled()).isFalse();
        assertThat(interlock.pausesOn("severe-hypertension", AlarmPriority.HIGH)).isFalse();
        assertThat(interlock.commands("pump-ascii")).isFalse();
    }

    @Test
    void pausesOnTheSelectedHighAlarmsOnly() {
        // given
        String yaml = withInterlock("[severe-hypertension, bradypnea]", "[pump-ascii]", "10");

        // when
        PumpInterlock interlock = load(yaml).pumpInterlock();

        // then
        assertThat(interlock).isEqualTo(new PumpInterlock(Set.of("severe-hypertension", "bradypnea"),
                Set.of("pump-ascii"), Duration.ofSeconds(10)));
        assertThat(interlock.pausesOn("severe-hypertension", AlarmPriority.HIGH)).isTrue();
        assertThat(interlock.pausesOn("desaturation", AlarmPriority.HIGH)).as("not selected").isFalse();
        assertThat(interlock.pausesOn("bradypnea", AlarmPriority.MEDIUM)).as("not HIGH").isFalse();
        assertThat(interlock.commands("pump-ascii")).isTrue();
    }

    @Test
    void refusesHl7PumpsWithTheReason() {
        // given
        String yaml = withInterlock("[desaturation]", "[pump-ascii, hl7-mllp]", "10");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactly("pumpInterlock.pumpProtocols: \"hl7-mllp\" pumps cannot be "
                + "commanded: HL7 carries only what the pump reports, with no pause command; list only pump-ascii, "
                + "or remove the interlock");
    }

    @Test
    void refusesRulesThatCannotPauseUnknownProtocolsAndMissingValues() {
        // given
        String wrong = withInterlock("[tachycardia]", "[masimo]", "0");
        String empty = withInterlock("[]", "[]", "5");

        // when
        ClinicProtocolException wrongError = loadFailing(wrong);
        ClinicProtocolException emptyError = loadFailing(empty);

        // then
        assertThat(wrongError.problems()).containsExactlyInAnyOrder(
                "pumpInterlock.rules: \"tachycardia\" cannot pause a pump; the interlock pauses on the HIGH alarm "
                        + "of bradypnea, desaturation, severe-hypertension",
                "pumpInterlock.pumpProtocols: \"masimo\" is no pump protocol Vigil can command; only pump-ascii can",
                "pumpInterlock.confirmWithinSeconds: must be at least 1 second, got 0");
        assertThat(emptyError.problems()).containsExactlyInAnyOrder(
                "pumpInterlock.rules: must name at least one alarm rule; leave out pumpInterlock to keep it off",
                "pumpInterlock.pumpProtocols: must name at least one pump protocol");
    }

    private static String withInterlock(String rules, String protocols, String seconds) {
        return defaultYaml() + "\npumpInterlock:\n  rules: " + rules + "\n  pumpProtocols: " + protocols
                + "\n  confirmWithinSeconds: " + seconds + "\n";
    }

    private static ClinicProtocol load(String yaml) {
        return ClinicProtocolLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    private static ClinicProtocolException loadFailing(String yaml) {
        return catchThrowableOfType(ClinicProtocolException.class, () -> load(yaml));
    }

    private static String defaultYaml() {
        try (InputStream in = ClinicProtocolLoader.class.getClassLoader()
                .getResourceAsStream(ClinicProtocol.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
