package org.vigil.simulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sets a running session up at every chair through Vigil's HTTP API, as the nurses of a clinic do in the morning:
 * the booking ({@code POST /api/sessions}, IV ketamine, 72.5 kg, baseline 120/80 mmHg, 72/min, 97 %) and the check-in
 * ({@code POST /api/sessions/{id}/check-in}), a few chairs at a time.
 */
final class ClinicSessions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 4;

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    ClinicSessions(HttpClient http, URI base, String user, String password) {
        this.http = http;
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Books and checks in a session at every chair; fails on the first chair Vigil refuses. */
    void setUp(List<ClinicChair> chairs) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (ClinicChair chair : chairs) {
                pending.add(pool.submit(() -> {
                    setUp(chair);
                    return null;
                }));
            }
            for (Future<?> one : pending) {
                one.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set the clinic's sessions up: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void setUp(ClinicChair chair) throws IOException, InterruptedException {
        String booking = JSON.writeValueAsString(Map.of("chairId", chair.chair(),
                "patientPseudonym", chair.monitor().patientPseudonym(), "weightKg", ClinicMessages.WEIGHT_KG,
                "ageYears", 44, "treatment", "IV_KETAMINE",
                "baseline", Map.of("systolic", 120, "diastolic", 80, "heartRate", 72, "spo2", 97)));
        JsonNode session = post("/api/sessions", booking);
        post("/api/sessions/" + session.path("sessionId").asText() + "/check-in", null);
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
