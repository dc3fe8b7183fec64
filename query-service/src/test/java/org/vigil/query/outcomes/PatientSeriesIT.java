package org.vigil.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.SessionId;
import org.vigil.query.security.InlineCode;
import org.vigil.query.workflow.WorkflowApplication;

/**
 * A patient's course through the running application: two esketamine sessions, outcome scores entered for each,
 * and the series a director reads, in order, with each session's dose, peak pressure and scores.
 */
class PatientSeriesIT {

    @TempDir
    Path data;

    @Test
    void listsAPatientsSessionsInOrderWithDosePeakPressureAndScores() {
        try (WorkflowApplication app = WorkflowApplication.start(data)) {
            // given two sessions of one patient, two and three devices, each with its blood pressures
            String first = dosed(app, "chair-1", 2, 152, 94);
            app.clock().advance(Duration.ofDays(3));
            String second = dosed(app, "chair-2", 3, 141, 88);
            app.awaitReadModels();

            // when scores are entered, one out of range
            app.post("/api/sessions/" + first + "/scores", "nurse", "{\"instrument\":\"MADRS\",\"score\":31}");
            app.post("/api/sessions/" + second + "/scores", "director", "{\"instrument\":\"MADRS\",\"score\":19}");
            JsonNode scores = app.post("/api/sessions/" + second + "/scores", "director",
                    "{\"instrument\":\"PHQ_9\",\"score\":11}");
            HttpResponse<String> outOfRange = app.send("POST", "/api/sessions/" + second + "/scores", "director",
                    "{\"instrument\":\"PHQ_9\",\"score\":28}");

            // then
            assertThat(scores).extracting(s -> s.path("instrument").asText() + " " + s.path("score").asInt()
                    + " " + s.path("user").asText()).containsExactly("MADRS 19 director", "PHQ_9 11 director");
            assertThat(outOfRange.statusCode()).isEqualTo(400);
            assertThat(WorkflowApplication.json(outOfRange).path("reason").asText())
                    .isEqualTo("a PHQ_9 score is from 0 to 27, got 28");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(app.send("GET", "/api/patients/P-7/series", "director", null).statusCode())
                            .isEqualTo(200));
            List<JsonNode> series = list(app.get("/api/patients/P-7/series", "director"));
            assertThat(series).extracting(s -> s.path("sessionId").asText()).containsExactly(first, second);
            assertThat(series).extracting(s -> s.path("deliveredMg").asDouble()).containsExactly(56.0, 84.0);
            assertThat(series).extracting(s -> s.path("peakSystolic").asInt() + "/" + s.path("peakDiastolic").asInt())
                    .containsExactly("152/94", "141/88");
            assertThat(series.get(1).path("scores")).extracting(s -> s.path("instrument").asText())
                    .containsExactly("MADRS", "PHQ_9");
            HttpResponse<String> page = app.send("GET", "/review/patients/P-7", "director", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Patient P-7", "MADRS 31", "MADRS 19, PHQ_9 11", "152", "84.0");
            assertThat(InlineCode.in(page.body())).as("inline code the content security policy blocks").isEmpty();
            assertThat(app.send("GET", "/api/patients/P-7/series", "nurse", null).statusCode()).isEqualTo(403);
            assertThat(app.send("GET", "/api/patients/nobody/series", "director", null).statusCode())
                    .isEqualTo(404);
        }
    }

    private static String dosed(WorkflowApplication app, String chair, int devices, int systolic, int diastolic) {
        String id = app.post("/api/sessions", "nurse", """
                {"chairId":"%s","patientPseudonym":"P-7","weightKg":72.5,"ageYears":44,"treatment":"ESKETAMINE",
                 "baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98}}
                """.formatted(chair)).path("sessionId").asText();
        String session = "/api/sessions/" + id;
        app.post(session + "/check-in", "nurse", null);
        app.post(session + "/pre-assessment", "nurse", """
                {"weightKg":71.0,"baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98},
                 "interactingMedications":[],"rideHomeArranged":true,"rideHome":"taxi"}
                """);
        app.post(session + "/gate", "nurse", "{\"systolic\":130,\"diastolic\":82}");
        for (int device = 0; device < devices; device++) {
            app.clock().advance(Duration.ofMinutes(5));
            app.post(session + "/esketamine-devices", "nurse", null);
        }
        app.clock().advance(Duration.ofMinutes(30));
        app.recordVitals(new SessionId(id), "BP-peak-" + chair, systolic, diastolic, 97);
        app.clock().advance(Duration.ofMinutes(15));
        app.recordVitals(new SessionId(id), "BP-after-" + chair, 130, 80, 97);
        return id;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
