package org.vigil.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.query.workflow.WorkflowApplication;

/**
 * Malformed requests to each family of endpoints — broken JSON, a {@code null} body, values of the wrong type,
 * unknown ids, steps the state does not allow — are answered 4xx with the reason in the body, and nothing is
 * stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIT {

    @TempDir
    static Path data;

    private WorkflowApplication app;

    @BeforeAll
    void start() {
        app = WorkflowApplication.start(data);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void workflow() {
        String session = "/api/sessions/" + scheduled("chair-1", "IV_KETAMINE");
        long stored = app.storedEvents();

        refused("POST", "/api/sessions", "nurse", "{\"chairId\":\"chair-2\",", 400, "not valid JSON");
        refused("POST", "/api/sessions", "nurse", "null", 400, "a JSON object is required");
        refused("POST", "/api/sessions", "nurse", "[1,2]", 400, "does not fit");
        refused("POST", "/api/sessions", "nurse", "{\"chairId\":\"chair-2\",\"weightKg\":\"heavy\",\"ageYears\":44}",
                400, "field weightKg: \"heavy\" is not a valid Double");
        refused("POST", "/api/sessions", "nurse", "{\"chairId\":\"chair-2\",\"weightKg\":70,\"ageYears\":44,"
                + "\"treatment\":\"ALCOHOL\"}", 400, "field treatment");
        refused("POST", "/api/sessions", "nurse", "{}", 400, "a chair is required");
        refused("POST", "/api/sessions/no-such-session/check-in", "nurse", null, 404, "no-such-session");
        refused("GET", "/api/sessions/no-such-session/panel", "nurse", null, 404, "no session no-such-session");
        refused("POST", session + "/dosing/start", "nurse", null, 409, "cannot start the infusion");
        refused("POST", session + "/gate", "nurse", "{\"systolic\":\"high\"}", 400, "field systolic");
        refused("POST", session + "/prescription", "nurse", "{\"drug\":\"ketamine\",\"mgPerKg\":\"lots\"}", 400,
                "field mgPerKg");
        refused("POST", session + "/scores", "nurse", "{\"instrument\":\"MADRS\",\"score\":[3]}", 400,
                "field score");
        refused("POST", session + "/notes", "nurse", "{\"text\":", 400, "not valid JSON");
        assertThat(app.storedEvents()).as("events stored by refused requests").isEqualTo(stored);
        assertThat(app.send("POST", session + "/check-in", "nurse", null).statusCode())
                .as("the session, untouched, takes its next step").isEqualTo(200);
    }

    @Test
    void overrides() {
        String session = "/api/sessions/" + scheduled("chair-3", "IV_KETAMINE");
        long stored = app.storedEvents();

        refused("POST", session + "/gate/override", "director", "null", 400, "a reason is required");
        refused("POST", session + "/gate/override", "director", "{\"reason\":\"white coat\"}", 409,
                "cannot override the gate hold");
        refused("POST", session + "/gate/override", "director", "{\"reason\":{\"why\":1}}", 400, "field reason");
        refused("POST", session + "/discharge/override", "director", "null", 400, "a reason is required");
        refused("POST", "/api/sessions/no-such-session/gate/override", "director", "{\"reason\":\"known\"}", 404,
                "no-such-session");
        refused("POST", "/api/alarms/no-such-alarm/override", "director", "null", 400, "a JSON object is required");
        refused("POST", "/api/alarms/no-such-alarm/override", "director", "{\"reason\":\"known\"}", 404,
                "no active alarm no-such-alarm");
        assertThat(app.storedEvents()).as("events stored by refused requests").isEqualTo(stored);
    }

    @Test
    void alarms() {
        long stored = app.storedEvents();

        refused("POST", "/api/alarms/no-such-alarm/ack", "nurse", null, 404, "no active alarm no-such-alarm");
        refused("POST", "/api/alarms/no-such-alarm/resolve", "nurse", "null", 400, "a JSON object is required");
        refused("POST", "/api/alarms/no-such-alarm/resolve", "nurse", "{\"reason\":", 400, "not valid JSON");
        refused("POST", "/api/alarms/no-such-alarm/resolve", "nurse", "{\"reason\":\"fixed\"}", 404,
                "no active alarm no-such-alarm");
        refused("POST", "/api/chairs/chair-9/audio-pause", "nurse", null, 404, "no session at chair chair-9");
        assertThat(app.storedEvents()).as("events stored by refused requests").isEqualTo(stored);
    }

    @Test
    void devicesBinding() {
        long stored = app.storedEvents();

        refused("POST", "/api/devices/monitor-x/binding", "engineer", "null", 400, "a JSON object is required");
        refused("POST", "/api/devices/monitor-x/binding", "engineer", "{\"chairId\":", 400, "not valid JSON");
        refused("POST", "/api/devices/monitor-x/binding", "engineer", "{\"chairId\":[\"chair-1\"]}", 400,
                "field chairId");
        refused("POST", "/api/devices/monitor-x/binding", "engineer", "{}", 400, "a chair is required");
        refused("POST", "/api/devices/monitor-x/binding", "engineer", "{\"chairId\":\"chair-99\"}", 400,
                "no chair chair-99 in the configuration");
        refused("POST", "/api/read-models/no-such-model/rebuild", "engineer", null, 404, "no read model");
        assertThat(app.storedEvents()).as("events stored by refused requests").isEqualTo(stored);
    }

    @Test
    void rems() {
        String iv = "/api/sessions/" + scheduled("chair-4", "IV_KETAMINE");
        long stored = app.storedEvents();

        refused("POST", iv + "/rems", "director", "{\"item\":\"NO_SUCH_FIELD\",\"value\":\"x\"}", 400, "field item");
        refused("POST", iv + "/rems", "director", "{\"item\":", 400, "not valid JSON");
        refused("POST", iv + "/rems", "director", "{\"item\":\"LOT_NUMBERS\",\"value\":\"AB1\"}", 409,
                "esketamine sessions only");
        refused("POST", "/api/sessions/no-such-session/rems", "director", "{\"item\":\"LOT_NUMBERS\"}", 404,
                "no session no-such-session");
        refused("GET", "/api/rems?complete=maybe", "director", null, 400, "parameter complete");
        assertThat(app.storedEvents()).as("events stored by refused requests").isEqualTo(stored);
    }

    private String scheduled(String chair, String treatment) {
        return app.post("/api/sessions", "nurse", """
                {"chairId":"%s","patientPseudonym":"P-%s","weightKg":72.5,"ageYears":44,"treatment":"%s",
                 "baseline":{"systolic":128,"diastolic":80,"heartRate":70,"spo2":98}}
                """.formatted(chair, chair, treatment)).path("sessionId").asText();
    }

    private void refused(String method, String path, String user, String body, int status, String reason) {
        HttpResponse<String> response = app.send(method, path, user, body);
        assertThat(response.statusCode()).as("%s %s %s → %s", method, path, body, response.body())
                .isEqualTo(status);
        if (status >= 400) {
            assertThat(WorkflowApplication.json(response).path("reason").asText())
                    .as("the reason for %s %s %s", method, path, body).contains(reason);
        }
    }
}
