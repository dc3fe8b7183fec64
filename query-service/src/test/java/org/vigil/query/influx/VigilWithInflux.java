package org.vigil.query.influx;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.adapters.hl7.Hl7Counters;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;

/**
 * The whole application for a test, on free ports with its event store in a directory the test owns, writing
 * its time series to the given InfluxDB through the {@code influx} profile — or, without a URL, as the
 * embedded demo runs.
 */
final class VigilWithInflux implements AutoCloseable {

    static final String DATABASE = "vigil";

    private static final String USER = "nurse-ann";

    private final RunningVigil vigil;

    private VigilWithInflux(RunningVigil vigil) {
        this.vigil = vigil;
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
        arguments.addAll(RunningVigil.freePorts());
        arguments.add(RunningVigil.dataDirectory(dataDir));
        arguments.addAll(List.of(
                "--vigil.users[0].name=" + USER, "--vigil.users[0].password=" + RunningVigil.DEMO_PASSWORD_HASH,
                "--vigil.users[0].roles=NURSE,DIRECTOR"));
        arguments.addAll(RunningVigil.devices(deviceBindings));
        return new VigilWithInflux(RunningVigil.launch(arguments, builder -> { }));
    }

    ConfigurableApplicationContext context() {
        return vigil.context();
    }

    int mllpPort() {
        return vigil.mllpPort();
    }

    /**
     * Waits until every MLLP frame received has been answered: an ACK goes out only after the message's event
     * is committed, so the store then holds every message a stopped simulator managed to send.
     */
    void awaitEveryMessageAnswered() {
        Hl7Counters mllp = vigil.mllpStatistics();
        await().atMost(Duration.ofSeconds(20)).until(() -> mllp.acksAccepted() + mllp.acksError()
                + mllp.acksRejected() >= mllp.framesReceived() + mllp.framesOversized());
    }

    JsonNode get(String path) {
        return vigil.get(path, USER);
    }

    /** The body of any answer, whatever its status: {@code /actuator/health} answers 503 when it is down. */
    JsonNode getAnyStatus(String path) {
        return RunningVigil.json(getText(path));
    }

    String getText(String path) {
        return vigil.send("GET", path, USER, null).body();
    }

    HttpResponse<String> post(String path, String json) {
        return vigil.send("POST", path, USER, json);
    }

    SessionId startSession(String chair, int systolic, int diastolic) {
        return vigil.startSession(chair, systolic, diastolic);
    }

    void endSession(SessionId session) {
        vigil.command(new EndSessionCommand(session, "discharged", Clock.systemUTC().instant()));
    }

    /** Every event in the store, read from the first. */
    List<EventMessage<?>> storedEvents() {
        try (Stream<? extends EventMessage<?>> events = context().getBean(EventStorageEngine.class)
                .readEvents(null, false)) {
            return events.<EventMessage<?>>map(e -> e).toList();
        }
    }

    TrackingEventProcessor influxProcessor() {
        return context().getBean(EventProcessingConfiguration.class)
                .eventProcessor(InfluxProjection.GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no tracking processor " + InfluxProjection.GROUP));
    }

    ProjectionLag.Sample lag() {
        return context().getBean(ProjectionLag.class).sample();
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
        vigil.close();
    }
}
