package org.vigil.query.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.query.ProtocolFile;
import org.vigil.query.ReservedPorts;
import org.vigil.query.RunningVigil;
import org.vigil.query.leadership.Leadership;
import org.vigil.query.postgres.PostgresServer;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.load.LoadGenerator;
import org.vigil.simulator.load.LoadResult;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/**
 * One clinic, two machines (docs/DESIGN.md, "Runtime"): two nodes on one PostgreSQL with
 * {@code vigil.leadership.enabled}, the active one in a JVM of its own. Devices load it through the simulator's
 * load generator, which knows both nodes' MLLP addresses, as a gateway configured with both would; a HIGH alarm
 * waits for its escalation. The active node is killed with SIGKILL mid-load: within 15 s the standby holds the
 * lease and answers on its MLLP port, every message that got AA from either node is in the event store exactly
 * once, and the pending escalation fires on the new active node. The takeover time is printed. An active node
 * whose lock connection is ended stops listening and exits rather than run beside the node that takes the lock.
 */
class FailoverIT {

    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);
    private static final Duration ESCALATION = Duration.ofSeconds(25);
    private static final long FEWEST_AAS_BEFORE_KILL = 100;
    private static final Duration MOST_LOAD = Duration.ofSeconds(60);
    private static final String ALARM_DEVICE = "sim-monitor-05";
    private static final String ALARM_CHAIR = "chair-5";
    private static final ScriptedScenario SEVERE_HYPERTENSION = ScriptedScenario.of(
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_SYSTOLIC, 190),
            ScriptedValue.at(Duration.ZERO, VitalSign.NIBP_DIASTOLIC, 95));

    @TempDir
    Path work;

    @Test
    void theStandbyTakesOverWithinFifteenSecondsOfASigkillAndLosesNoAcknowledgedMessageNorAPendingEscalation()
            throws Exception {
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"))) {
            List<String> properties = nodeProperties(postgres);
            Acknowledgements acks = new Acknowledgements();
            try (ForkedVigil first = ForkedVigil.start(work.resolve("first.log"), properties)) {
                // given the first node active, with a session at each chair
                await().atMost(Duration.ofSeconds(10)).until(() -> first.status("/actuator/health/leadership") == 200);
                LoadChairs.bindings().values().forEach(chair -> first.post("/api/sessions", LoadChairs.booking(chair)));
                String alarmSession = RunningVigil.json(first.post("/api/sessions", LoadChairs.booking(ALARM_CHAIR)))
                        .path("sessionId").asText();

                // and the second one standing by, on an MLLP port known in advance
                int standbyMllp = ReservedPorts.free();
                List<String> standbyArguments = new ArrayList<>(List.of("--server.port=0",
                        "--vigil.mllp.host=127.0.0.1", "--vigil.mllp.port=" + standbyMllp,
                        "--server.shutdown=immediate"));
                standbyArguments.addAll(properties);
                try (RunningVigil second = RunningVigil.launch(standbyArguments, builder -> { })) {
                    Leadership standby = second.context().getBean(Leadership.class);
                    assertThat(standby.role()).isEqualTo(Leadership.Role.STANDBY);
                    assertThat(second.send("GET", "/actuator/health/leadership", "nurse", null).statusCode())
                            .isEqualTo(503);
                    assertThat(second.send("POST", "/api/sessions", "nurse", LoadChairs.booking("chair-6"))
                            .statusCode()).as("a change through the standby").isEqualTo(503);
                    assertThat(accepts(standbyMllp)).as("the standby's MLLP port is closed").isFalse();

                    // and a nurse logged in on the first node's station
                String login = first.logIn("nurse");
                assertThat(RunningVigil.json(first.getWithCookie("/api/station", login).body()).path("user").asText())
                        .isEqualTo("nurse");

                // and a HIGH alarm raised on the first node, its escalation due in 25 s
                    AlarmRaisedEvent raised = raise(first.mllpPort(), second, alarmSession);

                    // when the first node is killed with SIGKILL mid-load
                    LoadGenerator generator = new LoadGenerator(LoadChairs.load(first.mllpPort(), MOST_LOAD)
                            .withStandby("127.0.0.1:" + standbyMllp), Clock.systemUTC(), acks);
                    CompletableFuture<LoadResult> running = LoadChairs.inThread(generator);
                    acks.killAt(FEWEST_AAS_BEFORE_KILL, System.nanoTime() + Duration.ofSeconds(2).toNanos());
                    acks.killPoint().get(MOST_LOAD.toSeconds(), TimeUnit.SECONDS);
                    long acceptedBeforeKill = acks.acceptedCount();
                    first.kill();
                    long killed = System.nanoTime();
                    assertThat(escalations(second, raised)).as("escalations before the kill").isEmpty();

                    // then within 15 s the second node holds the lease and answers on its MLLP port
                    await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(50)).until(() ->
                            standby.role() == Leadership.Role.LEADER && accepts(standbyMllp));
                    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                    await().atMost(Duration.ofSeconds(10)).until(() -> acks.acceptedCount() > acceptedBeforeKill + 40);
                    Duration firstAaAfterKill = Duration.ofNanos(acks.answers(answer -> answer.accepted()
                                    && answer.writtenFrom(killed)).stream()
                            .mapToLong(Acknowledgements.Answer::answeredAtNanos).min().orElseThrow() - killed);
                    generator.stop();
                    LoadResult load = running.get(30, TimeUnit.SECONDS);

                    // and the nurse's login holds on the second node: the station reconnects without a new login
                    HttpResponse<String> station = second.exchange(HttpRequest.newBuilder(second.uri("/api/station"))
                            .header("Cookie", login).GET().build());
                    assertThat(station.statusCode()).as("the station through the second node").isEqualTo(200);
                    assertThat(RunningVigil.json(station.body()).path("user").asText()).isEqualTo("nurse");

                    // and every message acknowledged by either node is stored exactly once
                    StoredMessages stored = StoredMessages.in(second);
                    List<String> missing = stored.missing(acks.acceptedKeys());
                    System.out.printf(Locale.ROOT, "Failover: SIGKILL of the active node after %d AAs; the standby "
                                    + "held the lease and listened on MLLP %d ms after the kill, first AA from it "
                                    + "%d ms after the kill; load %s; %s; %d stored, %d missing, %d stored twice%n",
                            acceptedBeforeKill, takeover.toMillis(), firstAaAfterKill.toMillis(), load.summary(),
                            acks.summary(), stored.total(), missing.size(), stored.duplicates().size());
                    assertThat(missing).as("acknowledged messages missing from the store").isEmpty();
                    assertThat(stored.duplicates()).as("messages stored more than once").isEmpty();

                    // and the escalation that was pending when the first node died fires on the second
                    await().atMost(ESCALATION.plusSeconds(10)).untilAsserted(() ->
                            assertThat(escalations(second, raised)).hasSize(1));
                    AlarmEscalatedEvent escalated = escalations(second, raised).get(0);
                    assertThat(Duration.between(raised.raisedAt(), escalated.at()))
                            .isBetween(ESCALATION.minusSeconds(1), ESCALATION.plusSeconds(3));
                }
            }
        }
    }

    @Test
    void anActiveNodeThatLosesItsLockConnectionStopsListeningAndExits() {
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"));
             ForkedVigil node = ForkedVigil.start(work.resolve("node.log"), nodeProperties(postgres))) {
            // given the only node, active and listening
            await().atMost(Duration.ofSeconds(10)).until(() -> node.status("/actuator/health/leadership") == 200);
            assertThat(accepts(node.mllpPort())).isTrue();

            // when its lock connection is ended by the database (as when the network between them fails)
            assertThat(postgres.value("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where application_name = 'vigil-leadership'")).isEqualTo(1L);

            // then it closes its MLLP listener and ends, to come back as a standby under its service manager
            assertThat(node.awaitExit(Duration.ofSeconds(30))).as("exit code").isEqualTo(70);
            assertThat(accepts(node.mllpPort())).isFalse();
        }
    }

    /** Store, users, the load devices and the alarm's monitor, a protocol escalating HIGH after 25 s, leadership. */
    private List<String> nodeProperties(PostgresServer postgres) {
        List<String> properties = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--vigil.leadership.enabled=true"));
        properties.addAll(postgres.datasourceProperties());
        properties.addAll(RunningVigil.demoUsers());
        List<String> bindings = new ArrayList<>();
        LoadChairs.bindings().forEach((device, chair) -> bindings.add(device + "=" + chair));
        bindings.add(ALARM_DEVICE + "=" + ALARM_CHAIR);
        properties.addAll(RunningVigil.devices(bindings.toArray(String[]::new)));
        properties.add(ProtocolFile.write(work.resolve("clinic-protocol.yml"),
                Map.of("highUnacknowledgedSeconds: 60", "highUnacknowledgedSeconds: " + ESCALATION.toSeconds())));
        return properties;
    }

    /** Sends severe hypertension from the alarm chair's monitor until its HIGH alarm is in the store. */
    private static AlarmRaisedEvent raise(int mllpPort, RunningVigil reader, String session) {
        ClinicSimulator simulator = new ClinicSimulator(List.of(new MonitorSpec(ALARM_DEVICE, ALARM_CHAIR,
                SEVERE_HYPERTENSION, 5)), "127.0.0.1", mllpPort, Clock.systemUTC(), 1.0);
        simulator.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !raised(reader, session).isEmpty());
            return raised(reader, session).get(0);
        } finally {
            simulator.stop();
        }
    }

    private static List<AlarmRaisedEvent> raised(RunningVigil reader, String session) {
        return reader.stored(AlarmRaisedEvent.class).stream().map(RunningVigil.Stored::payload)
                .filter(event -> event.sessionId().value().equals(session))
                .filter(event -> event.priority() == AlarmPriority.HIGH).toList();
    }

    private static List<AlarmEscalatedEvent> escalations(RunningVigil reader, AlarmRaisedEvent alarm) {
        return reader.stored(AlarmEscalatedEvent.class).stream().map(RunningVigil.Stored::payload)
                .filter(event -> event.alarmId().equals(alarm.alarmId())).toList();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
