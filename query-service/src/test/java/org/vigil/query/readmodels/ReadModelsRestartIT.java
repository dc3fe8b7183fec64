package org.vigil.query.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;
import org.vigil.query.StorageReads;
import org.vigil.query.support.ProcessingGroups;

/**
 * A restart on the same store: the persisted read models resume from their tokens and pick up what was stored
 * while they were not running; the live view of a running session is the one it was; and start-up reads no
 * history but the running session's own stream.
 */
class ReadModelsRestartIT {

    private static final int ENDED_SESSION_MESSAGES = 150;

    @TempDir
    Path data;

    @Test
    void readModelsResumeFromTheirTokensAndTheLiveViewIsRebuiltFromTheRunningSessionOnly() {
        SessionId ended;
        SessionId running;
        AlarmId alarm = AlarmId.random();
        JsonNode chairBefore;
        long readModelsStoppedAt;
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given a session that ended, with its history, and a running one with vitals and an acknowledged alarm
            ended = vigil.startSession("chair-2", 120, 80);
            record(vigil, ended, "monitor-2", 0, ENDED_SESSION_MESSAGES);
            vigil.command(new EndSessionCommand(ended, "discharged", now()));
            running = vigil.startSession("chair-1", 125, 78);
            record(vigil, running, "monitor-1", 0, 30);
            vigil.command(new RaiseAlarmCommand(running, alarm, "severe-hypertension", AlarmPriority.HIGH,
                    AlarmKind.PHYSIOLOGICAL, "NIBP 186/100 mmHg", 186.0, now(), now()));
            vigil.command(new AcknowledgeAlarmCommand(running, alarm, "nurse", now()));
            vigil.awaitReadModels();

            // when the read models stop, as when the application dies before they have caught up, and more is
            // recorded: messages of the running session and of a device nobody configured
            readModelsStoppedAt = stopReadModels(vigil);
            record(vigil, running, "monitor-1", 30, 20);
            vigil.command(new RecordDeviceObservationsCommand(new DeviceId("gateway-x"), null,
                    observations("gateway-x", 0)));
            chairBefore = chair(vigil.get("/api/chairs"), "chair-1");
        }

        // and the application starts again on the same store
        StorageReads reads = new StorageReads();
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.add(RunningVigil.dataDirectory(data));
        arguments.addAll(RunningVigil.demoUsers());
        try (RunningVigil restarted = RunningVigil.launch(arguments, reads.installer())) {
            // then up to ready it read the running session's stream and nothing else
            assertThat(reads.streamEvents()).containsOnlyKeys(running.value());
            assertThat(reads.trackedReadsFrom()).allSatisfy(from -> assertThat(from)
                    .as("a read in global order begins at a read model's token").isGreaterThanOrEqualTo(
                            readModelsStoppedAt));

            // and the running session's tile is as it was
            assertThat(live(chair(restarted.get("/api/chairs"), "chair-1"))).isEqualTo(live(chairBefore));

            // and the read models pick up what was stored while they were not running
            restarted.awaitReadModels();
            JsonNode session = restarted.get("/api/sessions/" + running.value(), "director");
            assertThat(session.path("observationMessages").asLong()).isEqualTo(50);
            assertThat(session.path("latestVitals").path("HEART_RATE").path("value").asDouble()).isEqualTo(89.0);
            assertThat(session.path("alarms")).singleElement().satisfies(a -> {
                assertThat(a.path("alarmId").asText()).isEqualTo(alarm.value());
                assertThat(a.path("acknowledgedBy").asText()).isEqualTo("nurse");
            });
            assertThat(restarted.get("/api/sessions", "director").findValuesAsText("sessionId"))
                    .containsExactly(running.value(), ended.value());
            assertThat(devices(restarted)).anySatisfy(device -> {
                assertThat(device.path("deviceId").asText()).isEqualTo("gateway-x");
                assertThat(device.path("messagesRecorded").asLong()).isEqualTo(1);
            });
            assertThat(devices(restarted)).anySatisfy(device -> {
                assertThat(device.path("deviceId").asText()).isEqualTo("monitor-2");
                assertThat(device.path("messagesRecorded").asLong()).isEqualTo(ENDED_SESSION_MESSAGES);
            });

            // and no one read the ended session again, nor the store from its first event
            assertThat(reads.streamEvents()).doesNotContainKey(ended.value());
            assertThat(reads.trackedReadsFrom()).doesNotContain(StorageReads.FROM_THE_FIRST_EVENT);
            assertThat(reads.trackedEvents()).isLessThan(ENDED_SESSION_MESSAGES);
        }
    }

    /** Stops the read models' processors; returns the lowest position they had reached. */
    private static long stopReadModels(RunningVigil vigil) {
        ReadModels readModels = vigil.context().getBean(ReadModels.class);
        long position = readModels.all().stream().mapToLong(ReadModels.Status::position).min().orElseThrow();
        EventProcessingConfiguration processing = vigil.context().getBean(EventProcessingConfiguration.class);
        processing.eventProcessor(ProcessingGroups.READ_MODELS_PROCESSOR).ifPresent(EventProcessor::shutDown);
        return position;
    }

    /** Messages {@code from .. from + count - 1} of a monitor, each with a heart rate of 70 + its number % 30. */
    private static void record(RunningVigil vigil, SessionId session, String device, int from, int count) {
        for (int n = from; n < from + count; n++) {
            vigil.command(new RecordObservationsCommand(session, observations(device, n)));
        }
    }

    private static DeviceObservations observations(String device, int n) {
        Instant now = now();
        return new DeviceObservations(new DeviceId(device), new MessageKey(device, "msg-" + n), now, now,
                List.of(Observation.of(Vital.HEART_RATE, 70 + n % 30, now),
                        Observation.of(Vital.NIBP_SYSTOLIC, 120, now)));
    }

    private static JsonNode chair(JsonNode chairs, String id) {
        return StreamSupport.stream(chairs.spliterator(), false)
                .filter(chair -> chair.path("chairId").asText().equals(id)).findFirst().orElseThrow();
    }

    /** The tile without what depends on the moment it is asked for, or on the links of the devices right now. */
    private static JsonNode live(JsonNode chair) {
        ObjectNode tile = chair.deepCopy();
        tile.remove(List.of("updatedAt", "bpStale", "nextCheckpoint", "devices"));
        return tile;
    }

    private static List<JsonNode> devices(RunningVigil vigil) {
        return StreamSupport.stream(vigil.get("/api/devices").spliterator(), false).toList();
    }

    private static Instant now() {
        return Clock.systemUTC().instant();
    }
}
