package org.vigil.query.alarms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.VigilApplication;
import org.vigil.query.ingest.MllpGateway;

/**
 * The whole application started for an alarm test, on free ports, with its embedded event store in a directory the
 * test owns, so a test can stop it and start it again on the same store; users {@code nurse}, {@code director} and
 * {@code engineer}, password {@code demo}. It stops at once rather than waiting for open live streams to end.
 */
final class RunningVigil implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;

    private RunningVigil(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts Vigil on {@code dataDir} with the given gateway devices bound to chairs ({@code device=chair}). */
    static RunningVigil start(Path dataDir, String... deviceBindings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--vigil.mllp.port=0",
                "--vigil.mllp.host=127.0.0.1",
                "--vigil.data-dir=" + dataDir.toAbsolutePath(),
                "--vigil.stream.heartbeat-ms=1000",
                "--server.shutdown=immediate",
                "--vigil.users[0].name=nurse", "--vigil.users[0].password={noop}demo",
                "--vigil.users[0].roles=NURSE",
                "--vigil.users[1].name=director", "--vigil.users[1].password={noop}demo",
                "--vigil.users[1].roles=DIRECTOR",
                "--vigil.users[2].name=engineer", "--vigil.users[2].password={noop}demo",
                "--vigil.users[2].roles=ENGINEER"));
        for (int i = 0; i < deviceBindings.length; i++) {
            String[] pair = deviceBindings[i].split("=");
            arguments.add("--vigil.devices[" + i + "].id=" + pair[0]);
            arguments.add("--vigil.devices[" + i + "].chair=" + pair[1]);
        }
        return new RunningVigil(new SpringApplicationBuilder(VigilApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int mllpPort() {
        return context.getBean(MllpGateway.class).port();
    }

    URI uri(String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** GET as {@code user}; fails unless 200. */
    JsonNode get(String path, String user) {
        HttpResponse<String> response = send("GET", path, user, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** Any request, as {@code user} (password {@code demo}), or anonymous when {@code user} is null. */
    HttpResponse<String> send(String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    SessionId startSession(String chair, int systolic, int diastolic) {
        SessionId id = SessionId.random();
        context.getBean(CommandGateway.class).sendAndWait(new StartSessionCommand(id, new ChairId(chair),
                "patient-" + chair, 72.5, 44, Treatment.IV_KETAMINE,
                new BaselineVitals(systolic, diastolic, 72, 97), context.getBean(ClinicProtocol.class).ref(),
                Clock.systemUTC().instant()));
        return id;
    }

    @Override
    public void close() {
        context.close();
    }
}
