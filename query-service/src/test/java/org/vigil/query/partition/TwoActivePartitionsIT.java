package org.vigil.query.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.query.RunningVigil;
import org.vigil.query.leadership.Leadership;
import org.vigil.query.postgres.PostgresServer;
import org.vigil.query.support.ProcessingGroups;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.Scenarios;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/**
 * A hosted service (docs/DESIGN.md, "Several active nodes"): two nodes on one PostgreSQL, each active for a
 * partition of its own ({@code vigil.node.partition}) with its own chairs and devices. Each node's monitors send
 * PCD-01 over MLLP to that node, which stores their messages and raises the alarm of its own hypertensive patient,
 * exactly once; each shows only its own chairs live. The persisted read models are shared: a director reads a
 * session of the other partition, its alarms and its review through either node. A change for a chair or session
 * of the other partition is refused with 421 naming that partition, and a node that configures a chair another
 * partition serves does not start.
 */
class TwoActivePartitionsIT {

    private static final ScriptedScenario SEVERE_HYPERTENSION = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 190),
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 95));

    @TempDir
    Path work;

    @Test
    void twoPartitionsEachIngestAndAlarmForTheirOwnChairsAndEitherNodeServesTheSharedRecord() {
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"));
             RunningVigil a = node(postgres, "clinic-a", "a-chair-1", "a-chair-2");
             RunningVigil b = node(postgres, "clinic-b", "b-chair-1", "b-chair-2")) {
            // given both nodes active, each for its own partition
            assertThat(List.of(role(a), role(b))).containsOnly(Leadership.Role.LEADER);
            String aCalm = book(a, "a-chair-1");
            String aAlarm = book(a, "a-chair-2");
            String bCalm = book(b, "b-chair-1");
            String bAlarm = book(b, "b-chair-2");

            // when each node's monitors send to it, one patient per partition with severe hypertension
            ClinicSimulator aMonitors = monitors(a, "a");
            ClinicSimulator bMonitors = monitors(b, "b");
            try {
                // then each node stores and alarms for its own chairs, once
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(highAlarms(a, aAlarm)).hasSize(1);
                    assertThat(highAlarms(a, bAlarm)).hasSize(1);
                    assertThat(liveAlarmSessions(a)).containsExactly(aAlarm);
                    assertThat(liveAlarmSessions(b)).containsExactly(bAlarm);
                });
            } finally {
                aMonitors.stop();
                bMonitors.stop();
            }
            assertThat(highAlarms(b, aAlarm)).as("alarms of clinic-a's patient").hasSize(1);
            assertThat(highAlarms(b, bAlarm)).as("alarms of clinic-b's patient").hasSize(1);
            assertThat(chairs(a)).containsExactly("a-chair-1", "a-chair-2");
            assertThat(chairs(b)).containsExactly("b-chair-1", "b-chair-2");

            // and a director reads clinic-b's session through clinic-a's node, from the shared read models
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode session = a.get("/api/sessions/" + bAlarm, "director");
                assertThat(session.at("/summary/chairId").asText()).isEqualTo("b-chair-2");
                assertThat(session.path("observationMessages").asLong()).isPositive();
                assertThat(recordedHighAlarms(a, bAlarm)).containsExactly("severe-hypertension");
                assertThat(recordedHighAlarms(b, aAlarm)).containsExactly("severe-hypertension");
            });
            assertThat(a.send("GET", "/api/sessions/" + bCalm + "/review", "director", null).statusCode())
                    .isEqualTo(200);
            assertThat(postgres.value("select count(*) from token_entry where processor_name = '"
                    + ProcessingGroups.READ_MODELS_PROCESSOR + "'"))
                    .as("segments of the read models, processed by whichever node claims them").isEqualTo(1L);

            // and a change for clinic-b through clinic-a's node is refused, naming clinic-b
            HttpResponse<String> note = a.send("POST", "/api/sessions/" + bCalm + "/notes", "nurse",
                    "{\"text\":\"through the wrong node\"}");
            assertThat(note.statusCode()).isEqualTo(421);
            assertThat(RunningVigil.json(note.body()).path("partition").asText()).isEqualTo("clinic-b");
            HttpResponse<String> booking = a.send("POST", "/api/sessions", "nurse", booking("b-chair-1"));
            assertThat(booking.statusCode()).isEqualTo(421);
            assertThat(RunningVigil.json(booking.body()).path("reason").asText())
                    .contains("b-chair-1", "clinic-b");
            String bAlarmId = highAlarms(b, bAlarm).get(0).alarmId().value();
            assertThat(a.send("POST", "/api/alarms/" + bAlarmId + "/ack", "nurse", null).statusCode())
                    .as("acknowledging clinic-b's alarm through clinic-a's node").isEqualTo(421);
            assertThat(a.send("POST", "/api/sessions/" + aCalm + "/notes", "nurse",
                    "{\"text\":\"through its own node\"}").statusCode()).isEqualTo(200);

            // and a third partition that configures a chair of clinic-a does not start
            assertThatThrownBy(() -> node(postgres, "clinic-c", "c-chair-1", "a-chair-1").close())
                    .hasStackTraceContaining("a-chair-1 (partition clinic-a)");
        }
    }

    /** An active node of {@code partition} with two chairs, the monitor {@code <partition>-monitor-n} at each. */
    private RunningVigil node(PostgresServer postgres, String partition, String... chairs) {
        List<String> arguments = new ArrayList<>(RunningVigil.freePorts());
        arguments.addAll(List.of("--server.shutdown=immediate", "--spring.profiles.active=postgres",
                "--vigil.leadership.enabled=true", "--vigil.node.partition=" + partition,
                "--vigil.chairs=" + String.join(",", chairs)));
        arguments.addAll(postgres.datasourceProperties());
        arguments.addAll(RunningVigil.demoUsers());
        List<String> bindings = new ArrayList<>();
        for (int i = 0; i < chairs.length; i++) {
            bindings.add(device(chairs[i]) + "=" + chairs[i]);
        }
        arguments.addAll(RunningVigil.devices(bindings.toArray(String[]::new)));
        RunningVigil node = RunningVigil.launch(arguments, builder -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> role(node) == Leadership.Role.LEADER);
        return node;
    }

    private static String device(String chair) {
        return chair.replace("chair", "monitor");
    }

    /** The calm patient at chair 1 and the hypertensive one at chair 2 of {@code prefix}'s partition. */
    private static ClinicSimulator monitors(RunningVigil node, String prefix) {
        ClinicSimulator simulator = new ClinicSimulator(List.of(
                new MonitorSpec(device(prefix + "-chair-1"), prefix + "-chair-1", Scenarios.NORMAL, 1),
                new MonitorSpec(device(prefix + "-chair-2"), prefix + "-chair-2", SEVERE_HYPERTENSION, 2)),
                "127.0.0.1", node.mllpPort(), Clock.systemUTC(), 2.0);
        simulator.start();
        return simulator;
    }

    private static Leadership.Role role(RunningVigil node) {
        return node.context().getBean(Leadership.class).role();
    }

    private static String book(RunningVigil node, String chair) {
        HttpResponse<String> response = node.send("POST", "/api/sessions", "nurse", booking(chair));
        assertThat(response.statusCode()).as("booking at %s: %s", chair, response.body()).isEqualTo(201);
        return RunningVigil.json(response.body()).path("sessionId").asText();
    }

    private static String booking(String chair) {
        return """
                {"chairId":"%s","patientPseudonym":"P-%s","weightKg":72.5,"ageYears":44,"treatment":"IV_KETAMINE",
                 "baseline":{"systolic":124,"diastolic":78,"heartRate":70,"spo2":98}}
                """.formatted(chair, chair);
    }

    /** The HIGH alarms of {@code session} in the event store, as {@code reader} reads it. */
    private static List<AlarmRaisedEvent> highAlarms(RunningVigil reader, String session) {
        return reader.stored(AlarmRaisedEvent.class).stream().map(RunningVigil.Stored::payload)
                .filter(event -> event.sessionId().value().equals(session))
                .filter(event -> event.priority() == AlarmPriority.HIGH).toList();
    }

    /** The rules of the HIGH alarms of {@code session} in the shared alarm records, as a director reads them. */
    private static List<String> recordedHighAlarms(RunningVigil node, String session) {
        return StreamSupport.stream(node.get("/api/sessions/" + session + "/alarms", "director").spliterator(), false)
                .filter(alarm -> alarm.path("priority").asText().equals("HIGH"))
                .map(alarm -> alarm.path("rule").asText()).toList();
    }

    private static List<String> chairs(RunningVigil node) {
        return StreamSupport.stream(node.get("/api/chairs").spliterator(), false)
                .map(chair -> chair.path("chairId").asText()).toList();
    }

    /** The sessions whose tiles on {@code node}'s live view show an active alarm. */
    private static List<String> liveAlarmSessions(RunningVigil node) {
        return StreamSupport.stream(node.get("/api/chairs").spliterator(), false)
                .filter(chair -> !chair.path("activeAlarms").isEmpty())
                .map(chair -> chair.at("/session/sessionId").asText()).toList();
    }
}
