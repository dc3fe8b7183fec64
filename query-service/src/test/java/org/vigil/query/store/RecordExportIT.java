package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;

/**
 * The store keeps events in a binary form; a director or an engineer reads a session's record as JSON lines, the
 * observations with their labels and units, as the application reads them.
 */
class RecordExportIT {

    @TempDir
    Path data;

    @Test
    void aDirectorAndAnEngineerReadASessionsEventsAsJsonLinesANurseDoesNot() {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given a session with two device messages
            SessionId session = vigil.startSession("chair-2", 124, 79);
            Instant at = Instant.parse("2026-03-02T09:25:00Z");
            for (int i = 0; i < 2; i++) {
                vigil.command(new RecordObservationsCommand(session, new DeviceObservations(
                        new DeviceId("monitor-2"), new MessageKey("GATEWAY-1", "export-" + i), at.plusSeconds(i),
                        at.plusSeconds(i).plusMillis(412), List.of(Observation.of(Vital.HEART_RATE, 71 + i, null),
                        Observation.of(Vital.SPO2, 97, null)))));
            }
            String path = "/api/record/sessions/" + session + "/events";

            // when
            HttpResponse<String> director = vigil.send("GET", path, "director", null);
            HttpResponse<String> engineer = vigil.send("GET", path, "engineer", null);
            HttpResponse<String> nurse = vigil.send("GET", path, "nurse", null);
            HttpResponse<String> unknown = vigil.send("GET", "/api/record/sessions/no-such-session/events",
                    "director", null);

            // then
            assertThat(director.statusCode()).isEqualTo(200);
            assertThat(director.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/x-ndjson"));
            List<JsonNode> lines = Arrays.stream(director.body().split("\n")).map(RunningVigil::json).toList();
            assertThat(lines).extracting(line -> line.path("type").asText())
                    .containsExactly("SessionStartedEvent", "ObservationsRecordedEvent",
                            "ObservationsRecordedEvent");
            assertThat(lines).extracting(line -> line.path("sequence").asLong()).containsExactly(0L, 1L, 2L);
            JsonNode second = lines.get(2);
            assertThat(second.path("revision").asText()).isEqualTo("2");
            assertThat(second.path("payload").path("messageKey").path("controlId").asText()).isEqualTo("export-1");
            assertThat(second.path("payload").path("observations").get(0).path("label").asText())
                    .isEqualTo("MDC_ECG_HEART_RATE");
            assertThat(second.path("payload").path("observations").get(0).path("unit").asText()).isEqualTo("/min");
            assertThat(second.path("payload").path("observations").get(0).path("value").asDouble())
                    .isEqualTo(72.0);
            ObservationsRecordedEvent stored = vigil.stored(ObservationsRecordedEvent.class).get(1).payload();
            assertThat(second.path("payload")).isEqualTo(EventSerializers.json().valueToTree(stored));

            assertThat(engineer.statusCode()).isEqualTo(200);
            assertThat(engineer.body()).isEqualTo(director.body());
            assertThat(nurse.statusCode()).isEqualTo(403);
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }
}
