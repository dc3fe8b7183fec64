package org.vigil.query.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.EscalateAlarmCommand;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.RecordDeviceConnectedCommand;
import org.vigil.core.api.RecordDeviceDisconnectedCommand;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordDeviceRecoveredCommand;
import org.vigil.core.api.RecordDeviceSilentCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;

/**
 * An engineer rebuilds each persisted read model from the first stored event while the application runs, and
 * gets the read model the events built one by one.
 */
class ReadModelsRebuildIT {

    @TempDir
    Path data;

    @Test
    void aRebuiltReadModelEqualsTheOneBuiltEventByEvent() {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given sessions, alarms, device messages and link changes, recorded one by one
            SessionId first = vigil.startSession("chair-1", 125, 78);
            record(vigil, first, "monitor-1", 0, 40);
            AlarmId answered = raise(vigil, first, AlarmPriority.HIGH, "severe-hypertension");
            vigil.command(new AcknowledgeAlarmCommand(first, answered, "nurse", now()));
            AlarmId escalated = raise(vigil, first, AlarmPriority.MEDIUM, "relative-surge");
            vigil.command(new EscalateAlarmCommand(first, escalated, "charge nurse", now()));
            vigil.command(new EndSessionCommand(first, "discharged", now()));
            SessionId second = vigil.startSession("chair-2", 118, 76);
            record(vigil, second, "monitor-2", 0, 25);
            DeviceId monitor = new DeviceId("monitor-2");
            ChairId chair = new ChairId("chair-2");
            vigil.command(new RecordDeviceConnectedCommand(monitor, chair, "HL7 through the MLLP listener", now()));
            vigil.command(new RecordDeviceSilentCommand(monitor, chair, Duration.ofSeconds(10), now(), now()));
            vigil.command(new RecordDeviceDisconnectedCommand(monitor, chair, "end of stream", now()));
            vigil.command(new RecordDeviceRecoveredCommand(monitor, chair, now()));
            vigil.command(new RecordDeviceObservationsCommand(new DeviceId("gateway-x"), null,
                    observations("gateway-x", 0)));
            vigil.awaitReadModels();
            Map<String, JsonNode> incremental = readModels(vigil, first, second);

            // when an engineer rebuilds every read model
            assertThat(vigil.send("POST", "/api/read-models/sessions/rebuild", "nurse", null).statusCode())
                    .isEqualTo(403);
            for (String name : List.of("sessions", "alarm-records", "devices", "rems-forms")) {
                HttpResponse<String> rebuild = vigil.send("POST", "/api/read-models/" + name + "/rebuild",
                        "engineer", null);
                assertThat(rebuild.statusCode()).isEqualTo(202);
            }

            // then each replays the store and ends with what the events built one by one
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode status = vigil.get("/api/read-models", "engineer");
                assertThat(status).hasSize(4).allSatisfy(model -> {
                    assertThat(model.path("running").asBoolean()).isTrue();
                    assertThat(model.path("rebuilding").asBoolean()).isFalse();
                    assertThat(model.path("position").asLong()).isEqualTo(model.path("head").asLong());
                });
            });
            assertThat(readModels(vigil, first, second)).isEqualTo(incremental);

            // and the restarted processor reads through one thread and one connection of its own: the stopped
            // processor's were closed with its stream
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(Thread.getAllStackTraces().keySet())
                        .filteredOn(thread -> thread.getName().startsWith("read-models-read-ahead-"))
                        .hasSize(1);
                assertThat(openFiles(data.resolve("vigil.db")))
                        .as("connections open on the store: the pool's and the read-ahead's").isEqualTo(2);
            });
        }
    }

    /** How many file descriptors of this process are open on {@code file} (Linux). */
    private static long openFiles(Path file) throws IOException {
        Path target = file.toRealPath();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).equals(target);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    private static Map<String, JsonNode> readModels(RunningVigil vigil, SessionId... sessions) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        views.put("/api/sessions", vigil.get("/api/sessions", "director"));
        views.put("/api/devices", vigil.get("/api/devices", "director"));
        views.put("/api/rems?complete=false", vigil.get("/api/rems?complete=false", "director"));
        for (SessionId session : sessions) {
            String path = "/api/sessions/" + session.value();
            views.put(path, vigil.get(path, "director"));
            views.put(path + "/alarms", vigil.get(path + "/alarms", "director"));
        }
        return views;
    }

    private static AlarmId raise(RunningVigil vigil, SessionId session, AlarmPriority priority, String rule) {
        AlarmId alarm = AlarmId.random();
        vigil.command(new RaiseAlarmCommand(session, alarm, rule, priority, AlarmKind.PHYSIOLOGICAL, rule, 180.0,
                now(), now()));
        return alarm;
    }

    private static void record(RunningVigil vigil, SessionId session, String device, int from, int count) {
        for (int n = from; n < from + count; n++) {
            vigil.command(new RecordObservationsCommand(session, observations(device, n)));
        }
    }

    private static DeviceObservations observations(String device, int n) {
        Instant now = now();
        return new DeviceObservations(new DeviceId(device), new MessageKey(device, "msg-" + n), now, now,
                List.of(Observation.of(Vital.HEART_RATE, 70 + n % 30, now),
                        Observation.of(Vital.SPO2, 95 + n % 4, now)));
    }

    private static Instant now() {
        return Clock.systemUTC().instant();
    }
}
