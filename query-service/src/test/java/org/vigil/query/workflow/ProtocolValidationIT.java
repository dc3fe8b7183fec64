package org.vigil.query.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.protocol.ClinicProtocolException;
import org.vigil.query.ProtocolFile;

/** A clinic protocol file with a wrong value stops the application at start-up, naming the key and what is wrong. */
class ProtocolValidationIT {

    @TempDir
    Path data;

    @Test
    void refusesToStartWithAProtocolWhoseWorkflowKeyIsWrong() throws IOException {
        // given
        Path protocol = data.resolve("clinic-protocol.yml");
        Files.writeString(protocol, ProtocolFile.defaultProtocol().replace("spo2AtLeast: 95", "spo2AtLeast: 120")
                .replace("maximum: 3", "maximum: three"));

        // when
        Throwable failure = catchThrowable(() -> WorkflowApplication.start(data.resolve("store"),
                "--vigil.protocol-file=" + protocol).close());

        // then
        assertThat(failure).isNotNull();
        assertThat(failure).rootCause()
                .isInstanceOf(ClinicProtocolException.class)
                .hasMessageContaining("clinic protocol " + protocol + " is invalid")
                .hasMessageContaining("workflow.discharge.spo2AtLeast: must be a percentage up to 100, got 120")
                .hasMessageContaining("workflow.esketamineDevices.maximum: must be a whole number, got \"three\"");
    }

    @Test
    void startsWithAValidProtocolFileAndRecordsItsVersion() throws IOException {
        // given
        Path protocol = data.resolve("clinic-protocol.yml");
        Files.writeString(protocol, ProtocolFile.defaultProtocol().replace("version: \"2026.1\"", "version: \"2026.2-test\""));

        // when
        try (WorkflowApplication app = WorkflowApplication.start(data.resolve("store"),
                "--vigil.protocol-file=" + protocol)) {
            String id = app.post("/api/sessions", "nurse", """
                    {"chairId":"chair-1","patientPseudonym":"P-1","weightKg":70,"ageYears":40,
                     "treatment":"IV_KETAMINE","baseline":{"systolic":120,"diastolic":80}}
                    """).path("sessionId").asText();

            // then
            app.awaitReadModels();
            assertThat(app.get("/api/sessions/" + id, "nurse").path("summary").path("protocol").path("version")
                    .asText()).isEqualTo("2026.2-test");
        }
    }
}
