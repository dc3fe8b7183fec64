package org.vigil.query.rems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.SessionId;
import org.vigil.query.security.InlineCode;
import org.vigil.query.workflow.WorkflowApplication;

/**
 * The REMS Patient Monitoring Form of an esketamine session walked to discharge through the workflow API, with the
 * monitor's blood pressures: each field the record holds is answered from it, the rest are flagged missing until a
 * director completes them, and the read model follows whether the form is complete. Who read the form is in the
 * session's audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemsFormIT {

    @TempDir
    static Path data;

    private WorkflowApplication app;

    @BeforeAll
    void startVigil() {
        app = WorkflowApplication.start(data);
    }

    @AfterAll
    void stopVigil() {
        app.close();
    }

    @Test
    void derivesTheFormFromTheSessionFlagsWhatIsMissingAndTakesADirectorsCompletions() {
        // given an esketamine session: gate on an entered pressure, two devices, pressures through observation
        String id = scheduleAndPassGate("chair-1", "ESKETAMINE");
        String session = "/api/sessions/" + id;
        Instant gate = app.clock().instant();
        app.clock().advance(Duration.ofMinutes(3));
        app.post(session + "/esketamine-devices", "nurse", null);
        Instant firstDevice = app.clock().instant();
        app.clock().advance(Duration.ofMinutes(5));
        app.post(session + "/esketamine-devices", "nurse", null);
        app.post(session + "/observation", "nurse", null);
        vitalsAt(id, firstDevice, 12, 150, 95);
        Instant at40 = vitalsAt(id, firstDevice, 41, 155, 96);
        Instant ready = vitalsAt(id, firstDevice, 70, 140, 88);
        vitalsAt(id, firstDevice, 100, 132, 82);
        Instant lastBp = vitalsAt(id, firstDevice, 118, 130, 80);
        app.clock().advance(Duration.between(app.clock().instant(), firstDevice.plus(Duration.ofMinutes(121))));
        app.post(session + "/discharge-assessment", "nurse", "{\"aldreteScore\":10}");
        JsonNode discharged = app.post(session + "/discharge", "nurse", null);
        Instant dischargedAt = app.clock().instant();

        // when
        JsonNode form = app.get(session + "/rems", "director");

        // then every field the record holds is answered from it
        Map<String, JsonNode> fields = fields(form);
        assertThat(discharged.path("state").asText()).isEqualTo("DISCHARGED");
        assertThat(value(fields, "TREATMENT_DATE")).isEqualTo("2026-03-02");
        assertThat(value(fields, "DOSE")).startsWith("56 mg (2 devices) at " + firstDevice);
        assertThat(value(fields, "CONCOMITANT_MEDICATIONS")).isEqualTo("benzodiazepine");
        assertThat(Instant.parse(value(fields, "MONITORING_START"))).isEqualTo(firstDevice);
        assertThat(Instant.parse(value(fields, "MONITORING_END"))).isEqualTo(dischargedAt);
        assertThat(value(fields, "MONITORING_MINUTES")).isEqualTo("121");
        assertThat(fields.get("MONITORING_MINUTES").path("note").asText()).isEqualTo("at least 120");
        assertThat(value(fields, "BP_BEFORE_DOSING")).isEqualTo("130/82 mmHg (entered)");
        assertThat(Instant.parse(fields.get("BP_BEFORE_DOSING").path("at").asText())).isEqualTo(gate);
        assertThat(value(fields, "BP_AT_40_MIN")).isEqualTo("155/96 mmHg (monitor)");
        assertThat(Instant.parse(fields.get("BP_AT_40_MIN").path("at").asText())).isEqualTo(at40);
        assertThat(value(fields, "BP_BEFORE_DISCHARGE")).isEqualTo("130/80 mmHg (monitor)");
        assertThat(Instant.parse(fields.get("BP_BEFORE_DISCHARGE").path("at").asText())).isEqualTo(lastBp);
        assertThat(value(fields, "VITALS_ACCEPTABLE_BEFORE_DOSING")).startsWith("yes: the pre-dose gate passed");
        assertThat(value(fields, "VITALS_ACCEPTABLE_BEFORE_DISCHARGE")).startsWith("yes: discharge criteria met");
        assertThat(Instant.parse(value(fields, "READY_TO_LEAVE_AT"))).isEqualTo(ready);
        assertThat(form.path("sendBy").asText()).isEqualTo(firstDevice.plus(Duration.ofDays(7)).toString());

        // and what it does not hold is flagged
        assertThat(form.path("complete").asBoolean()).isFalse();
        assertThat(form.path("missing")).extracting(JsonNode::asText)
                .containsExactly("LOT_NUMBERS", "SEDATION", "DISSOCIATION", "ADVERSE_EVENTS");
        assertThat(fields.get("LOT_NUMBERS").path("missing").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(app.get("/api/rems?complete=false", "director"))
                    .extracting(s -> s.path("sessionId").asText()).contains(id);
            assertThat(reviewList(app, "remsIncomplete=true")).contains(id);
        });

        // when a director completes the missing fields, and tries to overwrite one the record answers
        app.post(session + "/rems", "director", "{\"item\":\"LOT_NUMBERS\",\"value\":\"AB1234, AB1235\"}");
        HttpResponse<String> recorded = app.send("POST", session + "/rems", "director",
                "{\"item\":\"BP_AT_40_MIN\",\"value\":\"120/80\"}");
        HttpResponse<String> byNurse = app.send("POST", session + "/rems", "nurse",
                "{\"item\":\"SEDATION\",\"value\":\"none\"}");
        app.post(session + "/rems", "director", "{\"item\":\"SEDATION\",\"value\":\"mild, resolved by 75 min\"}");
        app.post(session + "/rems", "director", "{\"item\":\"DISSOCIATION\",\"value\":\"moderate at 40 min\"}");
        JsonNode completed = app.post(session + "/rems", "director",
                "{\"item\":\"ADVERSE_EVENTS\",\"value\":\"none\"}");

        // then the form is complete, each completion with who and when, and the read model follows
        Map<String, JsonNode> after = fields(completed);
        assertThat(recorded.statusCode()).isEqualTo(409);
        assertThat(WorkflowApplication.json(recorded).path("reason").asText()).contains("answered by the record");
        assertThat(byNurse.statusCode()).isEqualTo(403);
        assertThat(completed.path("complete").asBoolean()).isTrue();
        assertThat(completed.path("missing")).isEmpty();
        assertThat(after.get("LOT_NUMBERS").path("value").asText()).isEqualTo("AB1234, AB1235");
        assertThat(after.get("LOT_NUMBERS").path("source").asText()).isEqualTo("completed");
        assertThat(after.get("LOT_NUMBERS").path("completedBy").asText()).isEqualTo("director");
        assertThat(Instant.parse(after.get("LOT_NUMBERS").path("completedAt").asText()))
                .isEqualTo(app.clock().instant());
        assertThat(value(after, "BP_AT_40_MIN")).isEqualTo("155/96 mmHg (monitor)");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ids(app.get("/api/rems?complete=true", "director"))).contains(id);
            assertThat(ids(app.get("/api/rems?complete=false", "director"))).doesNotContain(id);
            assertThat(reviewList(app, "remsIncomplete=true")).doesNotContain(id);
            assertThat(reviewList(app, "remsIncomplete=false")).contains(id);
        });

        // and the printable page shows the same answers
        HttpResponse<String> page = app.send("GET", "/review/" + id + "/rems", "director", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Esketamine REMS Patient Monitoring Form", "155/96 mmHg (monitor)",
                "AB1234, AB1235", "completed by director", "Complete.");
    }

    @Test
    void flagsMissingFieldsOnThePrintablePageAndRefusesIvSessionsNursesAndUnknownSessions() {
        // given an esketamine session just dosed, an IV session, and a session that does not exist
        String esketamine = scheduleAndPassGate("chair-2", "ESKETAMINE");
        app.post("/api/sessions/" + esketamine + "/esketamine-devices", "nurse", null);
        String iv = scheduleAndPassGate("chair-3", "IV_KETAMINE");

        // when
        HttpResponse<String> page = app.send("GET", "/review/" + esketamine + "/rems", "director", null);
        HttpResponse<String> ivForm = app.send("GET", "/api/sessions/" + iv + "/rems", "director", null);
        HttpResponse<String> nurse = app.send("GET", "/api/sessions/" + esketamine + "/rems", "nurse", null);
        HttpResponse<String> unknown = app.send("GET", "/api/sessions/no-such-session/rems", "director", null);

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("MISSING", "field(s) missing", "Blood pressure before discharge");
        assertThat(InlineCode.in(page.body())).as("inline code the content security policy blocks").isEmpty();
        assertThat(ivForm.statusCode()).isEqualTo(409);
        assertThat(WorkflowApplication.json(ivForm).path("reason").asText())
                .isEqualTo("session " + iv + " is IV_KETAMINE: the REMS Patient Monitoring Form is for esketamine"
                        + " sessions only");
        assertThat(nurse.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private Instant vitalsAt(String id, Instant firstDevice, int minutes, int systolic, int diastolic) {
        Instant at = firstDevice.plus(Duration.ofMinutes(minutes));
        if (at.isAfter(app.clock().instant())) {
            app.clock().advance(Duration.between(app.clock().instant(), at));
        }
        app.recordVitals(new SessionId(id), "BP-" + minutes, systolic, diastolic, 97);
        return app.clock().instant();
    }

    private String scheduleAndPassGate(String chair, String treatment) {
        String id = app.post("/api/sessions", "nurse", """
                {"chairId":"%s","patientPseudonym":"P-%s","weightKg":72.5,"ageYears":44,"treatment":"%s",
                 "baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98}}
                """.formatted(chair, chair, treatment)).path("sessionId").asText();
        String session = "/api/sessions/" + id;
        app.post(session + "/check-in", "nurse", null);
        app.post(session + "/pre-assessment", "nurse", """
                {"weightKg":71.0,"baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98},
                 "interactingMedications":["BENZODIAZEPINE"],"rideHomeArranged":true,"rideHome":"partner drives"}
                """);
        app.post(session + "/gate", "nurse", "{\"systolic\":130,\"diastolic\":82}");
        return id;
    }

    private static Map<String, JsonNode> fields(JsonNode form) {
        return StreamSupport.stream(form.path("fields").spliterator(), false)
                .collect(Collectors.toMap(f -> f.path("item").asText(), f -> f));
    }

    private static String value(Map<String, JsonNode> fields, String item) {
        return fields.get(item).path("value").asText();
    }

    /** The session ids the director's sessions list shows with {@code filter}. */
    private static List<String> reviewList(WorkflowApplication app, String filter) {
        return StreamSupport.stream(app.get("/api/review/sessions?size=200&" + filter, "director").path("rows")
                .spliterator(), false).map(row -> row.path("summary").path("sessionId").asText()).toList();
    }

    private static List<String> ids(JsonNode statuses) {
        return StreamSupport.stream(statuses.spliterator(), false).map(s -> s.path("sessionId").asText()).toList();
    }
}
