package org.vigil.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.PreDoseLimits;
import org.vigil.core.api.WorkflowRules;

/** The workflow section of the clinic protocol: the defaults of docs/DOMAIN.md, and a readable error for each bad key. */
class WorkflowProtocolTest {

    @Test
    void theDefaultProtocolCarriesTheWorkflowTimesAndCriteriaOfTheDomain() {
        // when
        WorkflowRules rules = ClinicProtocol.loadDefault().workflowRules();

        // then
        assertThat(rules).isEqualTo(new WorkflowRules(new PreDoseLimits(140, 65, 150, 90), Duration.ofHours(2),
                Duration.ofMinutes(60), Duration.ofMinutes(5), 3, Duration.ofMinutes(40), Duration.ofMinutes(10),
                Duration.ofMinutes(15), 20, 95, 9, Duration.ofMinutes(15)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            spacingMinutes: 5                     | spacingMinutes: 0                     | workflow.esketamineDevices.spacingMinutes: must be at least 1 minute, got 0
            maximum: 3                            | maximum: 4                            | workflow.esketamineDevices.maximum: must be 1, 2 or 3 devices of 28 mg (84 mg at most), got 4
            spo2AtLeast: 95                       | spo2AtLeast: 120                      | workflow.discharge.spo2AtLeast: must be a percentage up to 100, got 120
            aldreteAtLeast: 9                     | aldreteAtLeast: 11                    | workflow.discharge.aldreteAtLeast: must be an Aldrete score from 0 to 10, got 11
            midObservationWindowMinutes: 10       | midObservationWindowMinutes: 40       | workflow.checkpoints.midObservationWindowMinutes: must be less than midObservationMinutes (40), got 40
            esketamineMinutesFromFirstDevice: 120 | esketamineMinutesFromFirstDevice: two | workflow.observation.esketamineMinutesFromFirstDevice: must be a whole number, got "two"
            ivMinutesAfterInfusionEnd: 60         | ivMinutesAfterInfusion: 60            | workflow.observation.ivMinutesAfterInfusionEnd: is missing
            """)
    void namesTheWorkflowKeyThatIsWrong(String line, String replacement, String problem) {
        // given
        String yaml = defaultYaml().replace(line, replacement);

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).contains(problem);
        assertThat(error.getMessage()).contains("clinic protocol test.yml is invalid", problem);
    }

    @Test
    void rejectsAProtocolWithoutAWorkflow() {
        // given
        String yaml = defaultYaml().replaceAll("(?s)\n# The session workflow.*?\n(?=# A device)", "\n");

        // when
        ClinicProtocolException error = loadFailing(yaml);

        // then
        assertThat(error.problems()).containsExactly("workflow: is missing");
    }

    private static ClinicProtocolException loadFailing(String yaml) {
        return catchThrowableOfType(ClinicProtocolException.class, () -> ClinicProtocolLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml"));
    }

    private static String defaultYaml() {
        try (InputStream in = WorkflowProtocolTest.class.getClassLoader()
                .getResourceAsStream(ClinicProtocol.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
