package org.vigil.query.web;

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
import org.vigil.simulator.MonitorSpec;

/**
 * The whole application for a station test: free ports, an embedded event store in the test's directory, the
 * demo users, a heartbeat every second, {@code chair-1 … chair-n} with monitor {@code sim-monitor-0n} bound to
 * each chair. It stops at once, open streams and all, as a crashed server would.
 */
final class RunningStation implements AutoCloseable {

    static final long HEARTBEAT_MS = 1000;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;

    private RunningStation(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningStation start(Path dataDir, int chairs) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--vigil.mllp.port=0",
                "--vigil.mllp.host=127.0.0.1",
                "--vigil.data-dir=" + dataDir.toAbsolutePath(),
                "--vigil.stream.heartbeat-ms=" + HEARTBEAT_MS,
                "--server.shutdown=immediate",
                "--vigil.users[0].name=nurse", "--vigil.users[0].password={noop}demo",
                "--vigil.users[0].roles=NURSE",
                "--vigil.users[1].name=director", "--vigil.users[1].password={noop}demo",
                "--vigil.users[1].roles=DIRECTOR"));
        for (int n = 1; n <= chairs; n++) {
            arguments.add("--vigil.chairs[" + (n - 1) + "]=" + MonitorSpec.defaultChairName(n));
            arguments.add("--vigil.devices[" + (n - 1) + "].id=" + MonitorSpec.defaultDeviceName(n));
            arguments.add("--vigil.devices[" + (n - 1) + "].chair=" + MonitorSpec.defaultChairName(n));
        }
        return new RunningStation(new SpringApplicationBuilder(VigilApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int mllpPort() {
        return context.getBean(MllpGateway.class).port();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** GET as the nurse, over HTTP Basic. */
    JsonNode get(String path) {
        HttpResponse<String> response = send(path, basic("nurse"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET with the given Authorization header, or none when it is null; redirects are not followed. */
    HttpResponse<String> send(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
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

    /** GET as an anonymous browser asking for a page; redirects are not followed. */
    HttpResponse<String> browse(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts an IV ketamine session at chair {@code n} for the patient the simulator plays there. */
    SessionId startSession(MonitorSpec monitor, int systolic, int diastolic) {
        SessionId session = SessionId.random();
        command(new StartSessionCommand(session, new ChairId(monitor.chairName()), monitor.patientPseudonym(), 72.5,
                44, Treatment.IV_KETAMINE, new BaselineVitals(systolic, diastolic, 74, 97),
                context.getBean(ClinicProtocol.class).ref(), Clock.systemUTC().instant()));
        return session;
    }

    /** Sends a command as the application's own deciders do, and waits for it to be stored. */
    <R> R command(Object command) {
        return context.getBean(CommandGateway.class).sendAndWait(command);
    }

    @Override
    public void close() {
        context.close();
    }
}
