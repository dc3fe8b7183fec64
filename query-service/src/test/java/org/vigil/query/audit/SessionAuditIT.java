package org.vigil.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionRecordAccessedEvent;
import org.vigil.query.workflow.WorkflowApplication;

/**
 * Reads of a session's record through the running application are recorded with who, what and when, in the
 * session's audit stream and not in its own; a playback's many timeline requests become one event for the first
 * request and one for the rest of its minute; only a director lists them.
 */
class SessionAuditIT {

    @TempDir
    Path data;

    @Test
    void recordsEachReadAndMergesAUsersTimelineRequestsWithinAMinute() {
        try (WorkflowApplication app = WorkflowApplication.start(data, "--vigil.audit.flush-ms=100")) {
            // given an esketamine session, and moments of it to play back (stored times, after its start)
            String id = app.post("/api/sessions", "nurse", """
                    {"chairId":"chair-1","patientPseudonym":"P-1","weightKg":72.5,"ageYears":44,
                     "treatment":"ESKETAMINE","baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98}}
                    """).path("sessionId").asText();
            String session = "/api/sessions/" + id;
            Instant start = Instant.now().plusSeconds(100);

            // when a director reads the REMS form and the CSV, plays the timeline back, and a request fails
            app.get(session + "/rems", "director");
            assertThat(app.send("GET", session + "/export.csv", "director", null).statusCode()).isEqualTo(200);
            HttpResponse<String> fhir = app.send("GET", session + "/fhir", "director", null);
            HttpResponse<String> pdf = app.send("GET", session + "/report.pdf", "director", null);
            HttpResponse<String> fhirByNurse = app.send("GET", session + "/fhir", "nurse", null);
            Instant first = app.clock().instant();
            timeline(app, session, start.minusSeconds(60));
            app.clock().advance(Duration.ofSeconds(2));
            Instant second = app.clock().instant();
            timeline(app, session, start.minusSeconds(30));
            app.clock().advance(Duration.ofSeconds(20));
            timeline(app, session, start.minusSeconds(90));
            timeline(app, session, start.minusSeconds(10));
            Instant last = app.clock().instant();
            assertThat(app.send("GET", "/api/sessions/no-such-session/rems", "director", null).statusCode())
                    .isEqualTo(404);
            app.clock().advance(Duration.ofSeconds(60));

            // then the exports were answered, to a director only
            assertThat(fhir.statusCode()).isEqualTo(200);
            assertThat(fhir.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/fhir+json"));
            assertThat(WorkflowApplication.json(fhir).path("resourceType").asText()).isEqualTo("Bundle");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(pdf.body()).startsWith("%PDF");
            assertThat(fhirByNurse.statusCode()).isEqualTo(403);

            // and each read is in the audit, the timeline requests merged
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(app.get(session + "/audit", "director")).hasSize(6));
            List<JsonNode> reads = list(app.get(session + "/audit", "director"));
            assertThat(reads).extracting(r -> r.path("access").asText() + " " + r.path("user").asText() + " "
                            + r.path("requests").asInt())
                    .containsExactly("REMS director 1", "CSV director 1", "FHIR director 1", "REPORT director 1",
                            "TIMELINE director 1",
                            "TIMELINE director 3");
            assertThat(Instant.parse(reads.get(4).path("firstAt").asText())).isEqualTo(first);
            assertThat(Instant.parse(reads.get(4).path("rangeFrom").asText())).isEqualTo(start.minusSeconds(60));
            JsonNode merged = reads.get(5);
            assertThat(Instant.parse(merged.path("firstAt").asText())).isEqualTo(second);
            assertThat(Instant.parse(merged.path("lastAt").asText())).isEqualTo(last);
            assertThat(Instant.parse(merged.path("rangeFrom").asText())).isEqualTo(start.minusSeconds(90));
            assertThat(Instant.parse(merged.path("rangeTo").asText())).isEqualTo(start.minusSeconds(10));

            // and the session's own stream holds none of it; a nurse cannot list it
            assertThat(app.events(new SessionId(id))).noneMatch(SessionRecordAccessedEvent.class::isInstance);
            assertThat(app.send("GET", session + "/audit", "nurse", null).statusCode()).isEqualTo(403);
            assertThat(app.send("GET", "/api/sessions/no-such-session/audit", "director", null).statusCode())
                    .isEqualTo(404);
        }
    }

    private static void timeline(WorkflowApplication app, String session, Instant at) {
        HttpResponse<String> response = app.send("GET", session + "/timeline?at=" + at, "director", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
