package org.vigil.query.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
 * The whole application with the production profile {@code postgres}, on free ports, its event store in the given
 * PostgreSQL server — as an operator starts it, with the datasource and the users on the command line.
 */
final class VigilOnPostgres implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;

    private VigilOnPostgres(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts Vigil on {@code postgres} with the given gateway devices bound to chairs ({@code device=chair}). */
    static VigilOnPostgres start(PostgresServer postgres, String... deviceBindings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--server.port=0",
                "--vigil.mllp.port=0",
                "--vigil.mllp.host=127.0.0.1",
                "--vigil.users[0].name=nurse", "--vigil.users[0].password={noop}demo",
                "--vigil.users[0].roles=NURSE",
                "--vigil.users[1].name=director", "--vigil.users[1].password={noop}demo",
                "--vigil.users[1].roles=DIRECTOR",
                "--vigil.users[2].name=engineer", "--vigil.users[2].password={noop}demo",
                "--vigil.users[2].roles=ENGINEER"));
        arguments.addAll(postgres.datasourceProperties());
        for (int i = 0; i < deviceBindings.length; i++) {
            String[] pair = deviceBindings[i].split("=");
            arguments.add("--vigil.devices[" + i + "].id=" + pair[0]);
            arguments.add("--vigil.devices[" + i + "].chair=" + pair[1]);
        }
        return new VigilOnPostgres(new SpringApplicationBuilder(VigilApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int mllpPort() {
        return context.getBean(MllpGateway.class).port();
    }

    /** GET as the nurse. */
    JsonNode get(String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("nurse:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    SessionId startSession(String chair, int systolic, int diastolic) {
        SessionId id = SessionId.random();
        context.getBean(CommandGateway.class).sendAndWait(new StartSessionCommand(id, new ChairId(chair),
                "patient-" + chair, 72.5, 44, Treatment.IV_KETAMINE,
                new BaselineVitals(systolic, diastolic, 72, 97), context.getBean(ClinicProtocol.class).ref(),
                Clock.systemUTC().instant()));
        return id;
    }

    /** Every event in the store, counted by reading it through Axon from the first. */
    long storedEvents() {
        try (Stream<?> events = context.getBean(EventStorageEngine.class).readEvents(null, false)) {
            return events.count();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
