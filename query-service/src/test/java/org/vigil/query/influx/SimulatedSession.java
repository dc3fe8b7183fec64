package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.SimulatorStatistics;
import org.vigil.simulator.scenario.Scenarios;

/**
 * One simulated treatment session run through the application: a monitor at chair 1 sends IHE PCD-01 over
 * MLLP at ten times real speed in the severe-hypertension scenario; a nurse acknowledges the HIGH alarm it
 * raises; after several blood-pressure readings the monitor stops, and the session may end (which clears
 * what is still active).
 */
final class SimulatedSession {

    static final String CHAIR = "chair-1";
    static final String DEVICE = MonitorSpec.defaultDeviceName(1);
    static final String NURSE = "nurse-ann";
    static final int BASELINE_SYSTOLIC = 125;
    static final int BASELINE_DIASTOLIC = 78;
    static final double SPEED = 10.0;

    private SimulatedSession() {
    }

    /** The device binding the application needs for this session. */
    static String deviceBinding() {
        return DEVICE + "=" + CHAIR;
    }

    /** The whole session, ended. */
    static SessionId run(VigilWithInflux vigil) {
        SessionId session = runWithoutEnding(vigil);
        vigil.endSession(session);
        return session;
    }

    /** The session until the monitor stops sending: its acknowledged HIGH alarm is still active. */
    static SessionId runWithoutEnding(VigilWithInflux vigil) {
        SessionId session = vigil.startSession(CHAIR, BASELINE_SYSTOLIC, BASELINE_DIASTOLIC);
        ClinicSimulator simulator = new ClinicSimulator(
                List.of(MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, 7)), "127.0.0.1",
                vigil.mllpPort(), Clock.systemUTC(), SPEED);
        simulator.start();
        try {
            JsonNode alarm = await().atMost(Duration.ofSeconds(45)).until(() -> activeAlarm(vigil),
                    a -> a != null);
            assertThat(vigil.post("/api/alarms/" + alarm.path("alarmId").asText() + "/ack",
                    "{\"user\": \"" + NURSE + "\"}").statusCode()).isBetween(200, 299);
            await().atMost(Duration.ofSeconds(45)).until(() -> systolicReadings(vigil) >= 3);
        } finally {
            simulator.stop();
        }
        vigil.awaitEveryMessageAnswered();
        SimulatorStatistics statistics = simulator.statistics();
        assertThat(statistics.total().naks()).isZero();
        // the message on the wire when the simulator stops may go unanswered; every other one is stored
        assertThat(statistics.total().accepted()).isGreaterThanOrEqualTo(statistics.total().sent() - 1);
        return session;
    }

    static JsonNode activeAlarm(VigilWithInflux vigil) {
        JsonNode chairs = vigil.get("/api/chairs");
        return StreamSupport.stream(chairs.spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(CHAIR))
                .flatMap(c -> StreamSupport.stream(c.path("activeAlarms").spliterator(), false))
                .filter(a -> a.path("priority").asText().equals("HIGH"))
                .findFirst().orElse(null);
    }

    private static long systolicReadings(VigilWithInflux vigil) {
        return vigil.storedEvents().stream()
                .map(e -> e.getPayload())
                .filter(ObservationsRecordedEvent.class::isInstance)
                .map(ObservationsRecordedEvent.class::cast)
                .flatMap(e -> e.observations().stream())
                .filter(o -> o.mdcCode() == Vital.NIBP_SYSTOLIC.mdcCode() && o.available())
                .count();
    }
}
