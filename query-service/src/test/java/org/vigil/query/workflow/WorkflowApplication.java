package org.vigil.query.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.core.testing.MutableClock;
import org.vigil.query.RunningVigil;

/**
 * The whole application on free ports, with its event store in a directory the test owns, the demo users, and a
 * clock the test moves forward. Requests go over real HTTP with Basic credentials (password {@code demo}).
 */
public final class WorkflowApplication implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final RunningVigil vigil;
    private final MutableClock clock;

    private WorkflowApplication(RunningVigil vigil, MutableClock clock) {
        this.vigil = vigil;
        this.clock = clock;
    }

    public static WorkflowApplication start(Path dataDir, String... moreProperties) {
        MutableClock clock = new MutableClock(START);
        ApplicationContextInitializer<ConfigurableApplicationContext> testClock = context ->
                ((GenericApplicationContext) context).registerBean("settableClock", Clock.class, () -> clock,
                        definition -> definition.setPrimary(true));
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add(RunningVigil.dataDirectory(dataDir));
        arguments.addAll(RunningVigil.demoUsers());
        arguments.addAll(List.of(moreProperties));
        return new WorkflowApplication(RunningVigil.launch(arguments, builder -> builder.initializers(testClock)),
                clock);
    }

    public MutableClock clock() {
        return clock;
    }

    /** A request as {@code user}, or anonymous when {@code user} is null. */
    public HttpResponse<String> send(String method, String path, String user, String json) {
        return vigil.send(method, path, user, json);
    }

    /** A POST that must succeed, its answer read as JSON. */
    public JsonNode post(String path, String user, String json) {
        HttpResponse<String> response = send("POST", path, user, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** Waits until the persisted read models have handled every event stored so far. */
    public void awaitReadModels() {
        vigil.awaitReadModels();
    }

    public JsonNode get(String path, String user) {
        HttpResponse<String> response = send("GET", path, user, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return RunningVigil.json(response.body());
    }

    /** A monitor message with a blood pressure and an SpO2, received now by the test's clock. */
    public void recordVitals(SessionId session, String controlId, int systolic, int diastolic, double spo2) {
        Instant now = clock.instant();
        vigil.command(new RecordObservationsCommand(session,
                new DeviceObservations(new DeviceId("monitor-test"), new MessageKey("TEST", controlId), now, now,
                        List.of(Observation.of(Vital.NIBP_SYSTOLIC, systolic, now),
                                Observation.of(Vital.NIBP_DIASTOLIC, diastolic, now),
                                Observation.of(Vital.SPO2, spo2, now)))));
    }

    /** The payloads of a session's events, in order. */
    public List<Object> events(SessionId session) {
        return vigil.context().getBean(EventStore.class).readEvents(session.value(), 0L).asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    /**
     * The workflow's own events in the store. Alarm decisions are made in the background by the clock (a stale
     * blood pressure, for one), so a refused workflow step is checked against the workflow events only.
     */
    public long storedEvents() {
        try (Stream<? extends TrackedEventMessage<?>> events = vigil.context().getBean(EventStorageEngine.class)
                .readEvents(null, false)) {
            return events.filter(event -> !(event.getPayload() instanceof AlarmRaisedEvent
                    || event.getPayload() instanceof AlarmClearedEvent
                    || event.getPayload() instanceof AlarmConditionEndedEvent
                    || event.getPayload() instanceof AlarmEscalatedEvent)).count();
        }
    }

    @Override
    public void close() {
        vigil.close();
    }
}
