package org.vigil.query.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.WorkflowEvent;

/**
 * The session workflow through the REST API of the running application, as the nurse and the director would use
 * it: every step attributed to the authenticated user, invalid steps refused with the reason and nothing stored.
 * Each test works at its own chair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionWorkflowIT {

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
    void walksAnIvSessionFromBookingToReviewAsNurseAndDirector() {
        // given
        JsonNode scheduled = app.post("/api/sessions", "nurse", schedule("chair-1", "IV_KETAMINE", 44));
        String id = scheduled.path("sessionId").asText();
        String session = "/api/sessions/" + id;
        assertThat(scheduled.path("state").asText()).isEqualTo("SCHEDULED");

        // when
        assertThat(app.post(session + "/check-in", "nurse", null).path("state").asText()).isEqualTo("CHECKED_IN");
        assertThat(app.post(session + "/pre-assessment", "nurse", preAssessment()).path("state").asText())
                .isEqualTo("PRE_ASSESSMENT");
        JsonNode gate = app.post(session + "/gate", "nurse", "{\"systolic\":132,\"diastolic\":84}");
        JsonNode dosing = app.post(session + "/dosing/start", "nurse", null);
        Instant doseStart = app.clock().instant();

        // then
        assertThat(gate.path("state").asText()).isEqualTo("GATE");
        assertThat(gate.path("gateOutcome").asText()).isEqualTo("PASS");
        assertThat(dosing.path("state").asText()).isEqualTo("DOSING");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode chair = chair("chair-1");
            assertThat(chair.path("phase").asText()).isEqualTo("DOSING");
            assertThat(Instant.parse(chair.path("doseStartedAt").asText())).isEqualTo(doseStart);
            assertThat(chair.path("nextCheckpoint").isNull()).isTrue();
        });

        // when: the infusion ends after 40 min; discharge is not assessed before an hour has passed
        app.clock().advance(Duration.ofMinutes(40));
        JsonNode observing = app.post(session + "/observation", "nurse", null);
        long stored = app.storedEvents();
        HttpResponse<String> tooEarly = app.send("POST", session + "/discharge-assessment", "nurse",
                "{\"aldreteScore\":10}");

        // then
        assertThat(observing.path("state").asText()).isEqualTo("OBSERVATION");
        assertThat(Instant.parse(observing.path("observeUntil").asText()))
                .isEqualTo(doseStart.plus(Duration.ofMinutes(100)));
        assertThat(chair("chair-1").path("nextCheckpoint").path("label").asText()).isEqualTo("BP before discharge");
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(WorkflowApplication.json(tooEarly).path("reason").asText())
                .contains("observation runs until " + doseStart.plus(Duration.ofMinutes(100)));
        assertThat(app.storedEvents()).isEqualTo(stored);

        // when: an hour later, with a blood pressure close to baseline
        app.clock().advance(Duration.ofMinutes(61));
        app.recordVitals(new SessionId(id), "BP-1", 130, 82, 97);
        JsonNode assessed = app.post(session + "/discharge-assessment", "nurse", "{\"aldreteScore\":10}");
        JsonNode discharged = app.post(session + "/discharge", "nurse", null);
        JsonNode documented = app.post(session + "/documentation", "nurse", "{\"text\":\"uneventful\"}");
        HttpResponse<String> reviewByNurse = app.send("POST", session + "/review", "nurse", "{\"text\":\"fine\"}");
        JsonNode reviewed = app.post(session + "/review", "director", "{\"text\":\"dose and curve as expected\"}");

        // then
        assertThat(assessed.path("dischargeCriteriaMet").asBoolean()).isTrue();
        assertThat(checkpointStatus(assessed, "BP before discharge")).isEqualTo("DONE");
        assertThat(discharged.path("state").asText()).isEqualTo("DISCHARGED");
        assertThat(documented.path("state").asText()).isEqualTo("DOCUMENTED");
        assertThat(reviewByNurse.statusCode()).isEqualTo(403);
        assertThat(reviewed.path("state").asText()).isEqualTo("REVIEWED");
        assertThat(reviewed.path("allowedNextSteps")).extracting(JsonNode::asText).containsExactly("add a note");
        assertThat(chair("chair-1").path("session").isNull()).isTrue();
        List<WorkflowEvent> steps = app.events(new SessionId(id)).stream()
                .filter(WorkflowEvent.class::isInstance).map(WorkflowEvent.class::cast).toList();
        assertThat(steps).hasSize(10);
        assertThat(steps).extracting(WorkflowEvent::user)
                .containsExactly("nurse", "nurse", "nurse", "nurse", "nurse", "nurse", "nurse", "nurse", "nurse",
                        "director");
    }

    @Test
    void aNurseCannotOverrideAGateHold() {
        // given
        String session = "/api/sessions/" + toGate("chair-2", "IV_KETAMINE", 152, 84);
        long stored = app.storedEvents();

        // when
        HttpResponse<String> override = app.send("POST", session + "/gate/override", "nurse",
                "{\"reason\":\"I think it is fine\"}");
        HttpResponse<String> dosing = app.send("POST", session + "/dosing/start", "nurse", null);

        // then
        assertThat(override.statusCode()).isEqualTo(403);
        assertThat(dosing.statusCode()).isEqualTo(409);
        assertThat(WorkflowApplication.json(dosing).path("reason").asText())
                .contains("is in GATE (on hold: SBP 152 mmHg is above 140): cannot start the infusion");
        assertThat(app.storedEvents()).isEqualTo(stored);
        JsonNode workflow = app.get(session + "/workflow", "nurse");
        assertThat(workflow.path("state").asText()).isEqualTo("GATE");
        assertThat(workflow.path("gateOutcome").asText()).isEqualTo("HOLD");
        assertThat(workflow.path("gateOverriddenBy").isNull()).isTrue();
    }

    @Test
    void aDirectorOverridesAGateHoldWithAReason() {
        // given
        String id = toGate("chair-3", "IV_KETAMINE", 152, 84);
        String session = "/api/sessions/" + id;

        // when
        HttpResponse<String> withoutReason = app.send("POST", session + "/gate/override", "director", "{}");
        JsonNode overridden = app.post(session + "/gate/override", "director",
                "{\"reason\":\"white-coat hypertension, known to me\"}");
        JsonNode dosing = app.post(session + "/dosing/start", "nurse", null);

        // then
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(WorkflowApplication.json(withoutReason).path("reason").asText()).endsWith("a reason is required");
        assertThat(overridden.path("gateOverriddenBy").asText()).isEqualTo("director");
        assertThat(dosing.path("state").asText()).isEqualTo("DOSING");
        assertThat(app.events(new SessionId(id))).filteredOn(GateHoldOverriddenEvent.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    GateHoldOverriddenEvent override = (GateHoldOverriddenEvent) event;
                    assertThat(override.user()).isEqualTo("director");
                    assertThat(override.reason()).isEqualTo("white-coat hypertension, known to me");
                    assertThat(override.holdReasons()).containsExactly("SBP 152 mmHg is above 140");
                });
    }

    @Test
    void refusesAnInvalidTransitionWithTheReasonAndStoresNothing() {
        // given
        String id = app.post("/api/sessions", "nurse", schedule("chair-4", "IV_KETAMINE", 44))
                .path("sessionId").asText();
        long stored = app.storedEvents();

        // when
        HttpResponse<String> response = app.send("POST", "/api/sessions/" + id + "/dosing/start", "nurse", null);

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(WorkflowApplication.json(response).path("reason").asText()).isEqualTo("session " + id
                + " is in SCHEDULED: cannot start the infusion; allowed next: check the patient in, add a note");
        assertThat(app.storedEvents()).isEqualTo(stored);
        assertThat(app.get("/api/sessions/" + id + "/workflow", "nurse").path("state").asText())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void answersUnknownSessionsBadValuesAndOtherRolesClearly() {
        // given
        String id = app.post("/api/sessions", "nurse", schedule("chair-5", "IV_KETAMINE", 44))
                .path("sessionId").asText();
        String session = "/api/sessions/" + id;
        app.post(session + "/check-in", "nurse", null);

        // when
        HttpResponse<String> unknown = app.send("POST", "/api/sessions/no-such-session/check-in", "nurse", null);
        HttpResponse<String> noWeight = app.send("POST", session + "/pre-assessment", "nurse",
                "{\"baseline\":{\"systolic\":128,\"diastolic\":80},\"rideHomeArranged\":true}");
        HttpResponse<String> engineer = app.send("POST", session + "/pre-assessment", "engineer", preAssessment());
        HttpResponse<String> anonymous = app.send("POST", session + "/pre-assessment", null, preAssessment());
        HttpResponse<String> chairTaken = app.send("POST", "/api/sessions", "nurse",
                schedule("chair-5", "IV_KETAMINE", 44));

        // then
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(noWeight.statusCode()).isEqualTo(400);
        assertThat(WorkflowApplication.json(noWeight).path("reason").asText())
                .contains("the weight must be more than 0 kg");
        assertThat(engineer.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(chairTaken.statusCode()).isEqualTo(409);
        assertThat(WorkflowApplication.json(chairTaken).path("reason").asText())
                .startsWith("chair chair-5 is taken by session " + id);
        assertThat(app.get(session + "/workflow", "director").path("state").asText()).isEqualTo("CHECKED_IN");
    }

    @Test
    void spacesEsketamineDevicesAndShowsTheRemsCheckpointOnTheChair() {
        // given
        String session = "/api/sessions/" + toGate("chair-6", "ESKETAMINE", 128, 80);

        // when
        JsonNode first = app.post(session + "/esketamine-devices", "nurse", null);
        Instant doseStart = app.clock().instant();
        app.clock().advance(Duration.ofSeconds(299));
        HttpResponse<String> tooSoon = app.send("POST", session + "/esketamine-devices", "nurse", null);
        app.clock().advance(Duration.ofSeconds(1));
        JsonNode second = app.post(session + "/esketamine-devices", "nurse", null);

        // then
        assertThat(first.path("state").asText()).isEqualTo("DOSING");
        assertThat(tooSoon.statusCode()).isEqualTo(409);
        assertThat(WorkflowApplication.json(tooSoon).path("reason").asText())
                .contains("would be 4 min 59 s after device 1", "devices must be at least 5 min apart");
        assertThat(second.path("esketamineDevices")).hasSize(2);
        assertThat(Instant.parse(second.path("observeUntil").asText())).isEqualTo(doseStart.plus(Duration.ofHours(2)));
        assertThat(second.path("checkpoints"))
                .extracting(c -> c.path("label").asText() + " " + c.path("status").asText())
                .containsExactly("BP before dosing DONE", "BP at 40 min DUE", "BP before discharge DUE");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode chair = chair("chair-6");
            assertThat(chair.path("phase").asText()).isEqualTo("DOSING");
            assertThat(Instant.parse(chair.path("doseStartedAt").asText())).isEqualTo(doseStart);
            assertThat(chair.path("nextCheckpoint").path("label").asText()).isEqualTo("BP at 40 min");
            assertThat(Instant.parse(chair.path("nextCheckpoint").path("dueAt").asText()))
                    .isEqualTo(doseStart.plus(Duration.ofMinutes(40)));
        });

        // when: a provider is called, then the patient is sent to emergency care
        JsonNode escalated = app.post(session + "/escalate", "nurse", "{\"reason\":\"SBP 190 and chest pain\"}");
        JsonNode transferred = app.post(session + "/transfer", "director", "{\"reason\":\"to the emergency room\"}");

        // then
        assertThat(escalated.path("state").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.path("resumesTo").asText()).isEqualTo("DOSING");
        assertThat(transferred.path("state").asText()).isEqualTo("TRANSFERRED");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(chair("chair-6").path("session").isNull()).isTrue());
    }

    private String toGate(String chair, String treatment, int systolic, int diastolic) {
        String id = app.post("/api/sessions", "nurse", schedule(chair, treatment, 44)).path("sessionId").asText();
        String session = "/api/sessions/" + id;
        app.post(session + "/check-in", "nurse", null);
        app.post(session + "/pre-assessment", "nurse", preAssessment());
        app.post(session + "/gate", "nurse", "{\"systolic\":" + systolic + ",\"diastolic\":" + diastolic + "}");
        return id;
    }

    private JsonNode chair(String chair) {
        return StreamSupport.stream(app.get("/api/chairs", "nurse").spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(chair))
                .findFirst()
                .orElseThrow();
    }

    private static String checkpointStatus(JsonNode workflow, String label) {
        return StreamSupport.stream(workflow.path("checkpoints").spliterator(), false)
                .filter(c -> c.path("label").asText().equals(label))
                .map(c -> c.path("status").asText())
                .findFirst()
                .orElseThrow();
    }

    private static String schedule(String chair, String treatment, int age) {
        return """
                {"chairId":"%s","patientPseudonym":"P-%s","weightKg":72.5,"ageYears":%d,"treatment":"%s",
                 "baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98}}
                """.formatted(chair, chair, age, treatment);
    }

    private static String preAssessment() {
        return """
                {"weightKg":71.0,"baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98},
                 "interactingMedications":["BENZODIAZEPINE"],"rideHomeArranged":true,"rideHome":"partner drives"}
                """;
    }
}
