package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.SimulatorStatistics;
import org.vigil.simulator.scenario.Scenarios;

/**
 * The InfluxDB projection in the running application against a real InfluxDB: what it writes matches the
 * event store, a replay writes the same points, and InfluxDB going away changes nothing for ingest, alarms and
 * the live page.
 */
class InfluxProjectionIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void everyVitalSignSessionAndAlarmStateChangeOfASimulatedSessionIsInInfluxDb() throws Exception {
        try (InfluxServer influx = InfluxServer.start(Files.createDirectories(temp.resolve("influx")));
             VigilWithInflux vigil = VigilWithInflux.start(temp.resolve("vigil"), influx.url(),
                     SimulatedSession.deviceBinding())) {
            // given
            SessionId session = SimulatedSession.run(vigil);

            // when
            vigil.awaitInfluxCaughtUp(CATCH_UP);

            // then
            List<EventMessage<?>> events = vigil.storedEvents();
            assertThat(observationsIn(influx)).isEqualTo(expectedObservations(events));
            assertThat(StoredPoints.all(influx, InfluxSchema.DEVICE_MESSAGE))
                    .hasSize(payloads(events, ObservationsRecordedEvent.class).size())
                    .allSatisfy(row -> assertThat(row.get("store_ms")).isNotNull());
            assertThat(alarmStatesIn(influx)).isEqualTo(expectedAlarmStates(events));
            assertThat(StoredPoints.all(influx, InfluxSchema.ALARM))
                    .filteredOn(row -> AlarmPoints.ACKNOWLEDGED.equals(row.get("state")))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row.get("user")).isEqualTo(SimulatedSession.NURSE);
                        assertThat(row.get("priority")).isEqualTo("HIGH");
                        assertThat(row.get("rule")).isEqualTo("severe-hypertension");
                        assertThat((Double) row.get("seconds_to_ack")).isPositive();
                    });
            List<Map<String, Object>> sessionPoints = StoredPoints.all(influx, InfluxSchema.SESSION);
            assertThat(sessionPoints).extracting(row -> row.get("event"), row -> row.get("session"))
                    .containsExactly(tuple("started", session.value()),
                            tuple("ended", session.value()));
            assertThat(sessionPoints.get(0).get("surge_systolic"))
                    .isEqualTo(SimulatedSession.BASELINE_SYSTOLIC + 40.0);
            assertThat(sessionPoints.get(0).get("severe_systolic")).isEqualTo(180.0);
            JsonNode health = vigil.get("/actuator/health");
            assertThat(health.path("components").path("influx").path("status").asText()).isEqualTo("UP");
            assertThat(health.path("components").path("influx").path("details").path("lagEvents").asLong())
                    .isZero();
        }
    }

    @Test
    void replayingFromTheFirstEventWritesTheSamePointsAndNoDuplicates() throws Exception {
        try (InfluxServer influx = InfluxServer.start(Files.createDirectories(temp.resolve("influx")));
             VigilWithInflux vigil = VigilWithInflux.start(temp.resolve("vigil"), influx.url(),
                     SimulatedSession.deviceBinding())) {
            // given
            SimulatedSession.run(vigil);
            vigil.awaitInfluxCaughtUp(CATCH_UP);
            Map<String, List<Map<String, Object>>> written = StoredPoints.eventDerived(influx);
            assertThat(StoredPoints.count(written)).isGreaterThan(100);

            // when the projection replays into the database it already filled
            vigil.replayInflux();
            vigil.awaitInfluxCaughtUp(CATCH_UP);

            // then nothing is duplicated
            assertThat(StoredPoints.eventDerived(influx)).isEqualTo(written);

            // when it replays into an empty database
            vigil.influxProcessor().shutDown();
            influx.query(VigilWithInflux.DATABASE, "DROP DATABASE \"" + VigilWithInflux.DATABASE + "\"");
            vigil.replayInflux();
            vigil.awaitInfluxCaughtUp(CATCH_UP);

            // then the same points are written again, with the same timestamps, tags and values
            Map<String, List<Map<String, Object>>> rebuilt = StoredPoints.eventDerived(influx);
            assertThat(StoredPoints.count(rebuilt)).isEqualTo(StoredPoints.count(written));
            assertThat(rebuilt).isEqualTo(written);
        }
    }

    @Test
    void whileInfluxDbIsDownIngestAlarmsAndTheLivePageGoOnAndTheProjectionCatchesUpWhenItReturns()
            throws Exception {
        try (InfluxServer influx = InfluxServer.start(Files.createDirectories(temp.resolve("influx")));
             VigilWithInflux vigil = VigilWithInflux.start(temp.resolve("vigil"), influx.url(),
                     SimulatedSession.deviceBinding())) {
            // given InfluxDB is down before the session starts
            influx.halt();
            vigil.startSession(SimulatedSession.CHAIR, SimulatedSession.BASELINE_SYSTOLIC,
                    SimulatedSession.BASELINE_DIASTOLIC);
            ClinicSimulator simulator = new ClinicSimulator(
                    List.of(MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, 7)), "127.0.0.1",
                    vigil.mllpPort(), Clock.systemUTC(), SimulatedSession.SPEED);

            // when
            simulator.start();
            try {
                // then the alarm is raised and shown, and every message is acknowledged as stored
                await().atMost(Duration.ofSeconds(45)).until(() -> SimulatedSession.activeAlarm(vigil) != null);
                assertThat(vigil.get("/api/chairs").findValuesAsText("chairId")).contains(SimulatedSession.CHAIR);
            } finally {
                simulator.stop();
            }
            vigil.awaitEveryMessageAnswered();
            SimulatorStatistics statistics = simulator.statistics();
            assertThat(statistics.total().sent()).isPositive();
            assertThat(statistics.total().naks()).isZero();
            // the message on the wire when the simulator stops may go unanswered; every other one is stored
            assertThat(statistics.total().accepted()).isGreaterThanOrEqualTo(statistics.total().sent() - 1);

            // and the lag shows in health (without taking the application down) and in the metrics
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode health = vigil.getAnyStatus("/actuator/health");
                assertThat(health.path("status").asText()).isEqualTo("UP");
                JsonNode component = health.path("components").path("influx");
                assertThat(component.path("status").asText()).isEqualTo(InfluxHealthIndicator.DEGRADED);
                assertThat(component.path("details").path("reachable").asBoolean()).isFalse();
                assertThat(component.path("details").path("lagEvents").asLong()).isPositive();
            });
            assertThat(prometheusValue(vigil, "vigil_influx_lag_events")).isPositive();

            // when InfluxDB returns
            influx.resume();

            // then the projection catches up from its token and InfluxDB holds what the store holds
            vigil.awaitInfluxCaughtUp(Duration.ofSeconds(90));
            List<EventMessage<?>> events = vigil.storedEvents();
            assertThat(observationsIn(influx)).isEqualTo(expectedObservations(events));
            assertThat(alarmStatesIn(influx)).isEqualTo(expectedAlarmStates(events));
            assertThat(vigil.get("/actuator/health").path("components").path("influx").path("status").asText())
                    .isEqualTo("UP");
            assertThat(prometheusValue(vigil, "vigil_influx_lag_events")).isZero();
        }
    }

    @Test
    void withoutAnInfluxDbUrlNothingIsProjectedAndHealthHasNoInfluxComponent() {
        try (VigilWithInflux vigil = VigilWithInflux.startWithoutInflux(temp.resolve("vigil"))) {
            // given / when the application runs as the embedded demo does

            // then
            assertThat(vigil.context().getBeansOfType(InfluxProjection.class)).isEmpty();
            assertThat(vigil.get("/actuator/health").path("components").has("influx")).isFalse();
            assertThat(vigil.getText("/actuator/prometheus")).doesNotContain("vigil_influx_lag_events");
        }
    }

    /** Observation points as (device, code, time) → value, with their tags, read from InfluxDB. */
    private static Map<String, String> observationsIn(InfluxServer influx) {
        Map<String, String> points = new HashMap<>();
        for (Map<String, Object> row : StoredPoints.all(influx, InfluxSchema.OBSERVATION)) {
            String key = row.get("device") + "/" + row.get("code") + "@" + row.get("time");
            String previous = points.put(key, row.get("chair") + " " + row.get("session") + " " + row.get("vital")
                    + " = " + row.get("value"));
            assertThat(previous).as("one point per device, code and time: %s", key).isNull();
        }
        return points;
    }

    /**
     * What the store says InfluxDB must hold: every available value, at the device's time for it, the last
     * value recorded winning when a device repeats a reading with the same time.
     */
    private static Map<String, String> expectedObservations(List<EventMessage<?>> events) {
        Map<String, String> expected = new HashMap<>();
        for (ObservationsRecordedEvent event : payloads(events, ObservationsRecordedEvent.class)) {
            for (Observation o : event.observations()) {
                if (o.value() == null) {
                    continue;
                }
                Instant at = o.deviceTime() != null ? o.deviceTime()
                        : event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
                String vital = Vital.ofMdcCode(o.mdcCode()).map(Vital::name).orElse(o.label());
                expected.put(event.deviceId() + "/" + o.mdcCode() + "@" + at,
                        event.chairId() + " " + event.sessionId() + " " + vital + " = " + o.value());
            }
        }
        return expected;
    }

    private static Set<String> alarmStatesIn(InfluxServer influx) {
        Set<String> states = new HashSet<>();
        for (Map<String, Object> row : StoredPoints.all(influx, InfluxSchema.ALARM)) {
            states.add(row.get("alarm") + " " + row.get("state") + " " + row.get("time") + " " + row.get("session")
                    + " active=" + row.get("active"));
        }
        return states;
    }

    private static Set<String> expectedAlarmStates(List<EventMessage<?>> events) {
        Set<String> states = new HashSet<>();
        for (EventMessage<?> message : events) {
            Object e = message.getPayload();
            if (e instanceof AlarmRaisedEvent r) {
                states.add(r.alarmId() + " raised " + r.raisedAt() + " " + r.sessionId() + " active=1.0");
            } else if (e instanceof AlarmAcknowledgedEvent a) {
                states.add(a.alarmId() + " acknowledged " + a.at() + " " + a.sessionId() + " active=1.0");
            } else if (e instanceof AlarmConditionEndedEvent c) {
                states.add(c.alarmId() + " condition_ended " + c.at() + " " + c.sessionId() + " active=1.0");
            } else if (e instanceof AlarmClearedEvent c) {
                states.add(c.alarmId() + " cleared " + c.at() + " " + c.sessionId() + " active=0.0");
            }
        }
        return states;
    }

    private static <T> List<T> payloads(List<EventMessage<?>> events, Class<T> type) {
        return events.stream().map(EventMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    private static double prometheusValue(VigilWithInflux vigil, String name) {
        return vigil.getText("/actuator/prometheus").lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
