package org.vigil.query.influx;

import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.adapters.mllp.MllpStatistics;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.VigilApplication;
import org.vigil.query.ingest.MllpGateway;

/**
 * The whole application for a test, on free ports with its event store in a directory the test owns, writing
 * its time series to the given InfluxDB through the {@code influx} profile — or, without a URL, as the
 * embedded demo runs.
 */
final class VigilWithInflux implements AutoCloseable {

    static final String DATABASE = "vigil";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;

    private VigilWithInflux(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Vigil with the {@code influx} profile, writing to {@code influxUrl}; devices as {@code device=chair}. */
    static VigilWithInflux start(Path dataDir, String influxUrl, String... deviceBindings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=influx",
                "--vigil.influx.url=" + influxUrl,
                "--vigil.influx.database=" + DATABASE,
                "--vigil.influx.meter-interval=500ms",
                "--vigil.influx.instance=test-node"));
        return start(dataDir, arguments, deviceBindings);
    }

    /** Vigil as the embedded demo runs it: no profile, no InfluxDB URL. */
    static VigilWithInflux startWithoutInflux(Path dataDir, String... deviceBindings) {
        return start(dataDir, new ArrayList<>(), deviceBindings);
    }

    private static VigilWithInflux start(Path dataDir, List<String> arguments, String... deviceBindings) {
        arguments.addAll(List.of(
                "--server.port=0",
                "--vigil.mllp.port=0",
                "--vigil.mllp.host=127.0.0.1",
                "--vigil.data-dir=" + dataDir.toAbsolutePath(),
                "--vigil.users[0].name=nurse-ann", "--vigil.users[0].password={noop}demo",
                "--vigil.users[0].roles=NURSE,DIRECTOR"));
        for (int i = 0; i < deviceBindings.length; i++) {
            String[] pair = deviceBindings[i].split("=");
            arguments.add("--vigil.devices[" + i + "].id=" + pair[0]);
            arguments.add("--vigil.devices[" + i + "].chair=" + pair[1]);
        }
        return new VigilWithInflux(new SpringApplicationBuilder(VigilApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    int mllpPort() {
        return context.getBean(MllpGateway.class).port();
    }

    /**
     * Waits until every MLLP frame received has been answered: an ACK goes out only after the message's event
     * is committed, so the store then holds every message a stopped simulator managed to send.
     */
    void awaitEveryMessageAnswered() {
        MllpStatistics mllp = context.getBean(MllpGateway.class).statistics();
        await().atMost(Duration.ofSeconds(20)).until(() -> mllp.acksAccepted() + mllp.acksError()
                + mllp.acksRejected() >= mllp.framesReceived() + mllp.framesOversized());
    }

    JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** The body of any answer, whatever its status: {@code /actuator/health} answers 503 when it is down. */
    JsonNode getAnyStatus(String path) {
        return json(send(HttpRequest.newBuilder(uri(path)).GET().build()).body());
    }

    String getText(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build()).body();
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    SessionId startSession(String chair, int systolic, int diastolic) {
        SessionId id = SessionId.random();
        context.getBean(CommandGateway.class).sendAndWait(new StartSessionCommand(id, new ChairId(chair),
                "patient-" + chair, 72.5, 44, Treatment.IV_KETAMINE,
                new BaselineVitals(systolic, diastolic, 72, 97), context.getBean(ClinicProtocol.class).ref(),
                Clock.systemUTC().instant()));
        return id;
    }

    void endSession(SessionId session) {
        context.getBean(CommandGateway.class).sendAndWait(new EndSessionCommand(session, "discharged",
                Clock.systemUTC().instant()));
    }

    /** Every event in the store, read from the first. */
    List<EventMessage<?>> storedEvents() {
        try (Stream<? extends EventMessage<?>> events = context.getBean(EventStorageEngine.class)
                .readEvents(null, false)) {
            return events.<EventMessage<?>>map(e -> e).toList();
        }
    }

    TrackingEventProcessor influxProcessor() {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(InfluxProjection.GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no tracking processor " + InfluxProjection.GROUP));
    }

    ProjectionLag.Sample lag() {
        return context.getBean(ProjectionLag.class).sample();
    }

    /** Waits until the projection has written every event stored before this call. */
    void awaitInfluxCaughtUp(Duration atMost) {
        Instant asked = Clock.systemUTC().instant();
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            ProjectionLag.Sample sample = lag();
            return sample.at().isAfter(asked) && sample.eventsBehind().orElse(-1) == 0
                    && sample.processorError().isEmpty();
        });
    }

    /** Replays the projection from the first stored event, as an operator rebuilding InfluxDB would. */
    void replayInflux() {
        TrackingEventProcessor processor = influxProcessor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    @Override
    public void close() {
        context.close();
    }

    private URI uri(String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return sendAuthenticated(HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("nurse-ann:demo".getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    private static HttpResponse<String> sendAuthenticated(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
