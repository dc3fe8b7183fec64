package org.vigil.query.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.SessionId;

/**
 * Every query of every shipped Grafana dashboard (panels, annotations, variables), run against a real InfluxDB
 * filled by a simulated session through the whole application, with the dashboard variables set to that
 * session — the way Grafana would run them. Each result is held against what the event store holds.
 *
 * <p>The dashboards are read from the dashboards module ({@code vigil.dashboards.dir}); this test lives here
 * because only the application can fill InfluxDB the way production does. Pump values are not yet recorded as
 * events, so the pump panels are fed by {@link PumpPoints} — the code the pump event's handler will call —
 * written through the projection's own writer.
 */
class DashboardQueriesIT {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final String CLINIC = "vigil-clinic-overview";
    private static final String SESSION = "vigil-chair-session";
    private static final String REVIEW = "vigil-review";
    private static final String ENGINEERING = "vigil-engineering";
    private static final String PUMP = "sim-pump-01";

    @TempDir
    Path temp;

    private final Set<String> checked = new HashSet<>();

    @Test
    void everyQueryOfEveryDashboardReturnsTheSeriesTheEventStoreHolds() throws Exception {
        List<DashboardQuery> queries = DashboardQuery.all();
        assertThat(queries).extracting(DashboardQuery::dashboard).contains(CLINIC, SESSION, REVIEW, ENGINEERING);
        try (InfluxServer influx = InfluxServer.start(Files.createDirectories(temp.resolve("influx")));
             VigilWithInflux vigil = VigilWithInflux.start(temp.resolve("vigil"), influx.url(),
                     SimulatedSession.deviceBinding())) {
            // given a malformed message, a session with an acknowledged HIGH alarm, and an infusion
            await().atMost(Duration.ofSeconds(20)).until(() -> lastCount(influx, "vigil_mllp_failures", "decode") == 0);
            Instant zeroWritten = Instant.now();
            // a failure counted within the interval of the first sample would not show as a difference
            await().atMost(INTERVAL.multipliedBy(2)).until(() -> StoreFacts.bucket(Instant.now(), INTERVAL)
                    .isAfter(StoreFacts.bucket(zeroWritten, INTERVAL)));
            sendMalformedMessage(vigil.mllpPort());
            SessionId session = SimulatedSession.runWithoutEnding(vigil);
            StoreFacts running = new StoreFacts(vigil.storedEvents());
            List<PumpReport> pump = infusion(running);
            vigil.context().getBean(InfluxWriter.class).write(pump.stream()
                    .map(r -> PumpPoints.of(r, new ChairId(SimulatedSession.CHAIR), session)).toList());
            vigil.awaitInfluxCaughtUp(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(20)).until(() -> lastCount(influx, "vigil_mllp_failures", "decode") == 1
                    && lastCount(influx, "vigil_influx_points", null) > 0);
            Map<String, String> variables = variables(session, running);

            // when the session is running
            Map<String, List<Map<String, Object>>> results = run(influx, queries, variables,
                    Set.of(CLINIC, SESSION, ENGINEERING));

            // then
            runningChecks(running, session, pump).forEach((key, check) -> check(results, key, check));

            // when the session has ended
            vigil.endSession(session);
            vigil.awaitInfluxCaughtUp(Duration.ofSeconds(60));
            StoreFacts ended = new StoreFacts(vigil.storedEvents());
            Map<String, List<Map<String, Object>>> afterwards = run(influx, queries, variables(session, ended),
                    Set.of(CLINIC, REVIEW));

            // then
            endedChecks(ended, session, pump).forEach((key, check) -> check(afterwards, key, check));
        }
        assertThat(queries).extracting(DashboardQuery::key).allSatisfy(key ->
                assertThat(checked).as("every dashboard query is checked").contains(key));
    }

    private Map<String, Consumer<List<Map<String, Object>>>> runningChecks(StoreFacts facts, SessionId session,
                                                                           List<PumpReport> pump) {
        Map<String, Consumer<List<Map<String, Object>>>> checks = new LinkedHashMap<>();
        checks.put(CLINIC + "/Sessions running/A", rows -> assertThat(single(rows, "sum")).isEqualTo(1.0));
        checks.put(CLINIC + "/Active alarms/A", rows -> assertThat(alarmRows(rows))
                .isEqualTo(activeAlarms(facts)).isNotEmpty());
        checks.put(CLINIC + "/Latest values/A", rows -> assertThat(latestValues(rows)).isEqualTo(latestValues(facts)));
        checks.put(CLINIC + "/Systolic blood pressure/A", byChair(facts, "NIBP_SYSTOLIC"));
        checks.put(CLINIC + "/Diastolic blood pressure/A", byChair(facts, "NIBP_DIASTOLIC"));
        checks.put(CLINIC + "/Heart rate/A", byChair(facts, "HEART_RATE"));
        checks.put(CLINIC + "/SpO2/A", byChair(facts, "SPO2"));

        checks.put(SESSION + "/Systolic against baseline/A", byVital(facts, "NIBP_SYSTOLIC"));
        checks.put(SESSION + "/Systolic against baseline/B", limits(Map.of("baseline", 125.0,
                "surge limit", 165.0, "severe limit", 180.0, "hypotension limit", 90.0)));
        checks.put(SESSION + "/Diastolic against baseline/A", byVital(facts, "NIBP_DIASTOLIC", "NIBP_MEAN"));
        checks.put(SESSION + "/Diastolic against baseline/B", limits(Map.of("baseline", 78.0,
                "surge limit", 103.0, "severe limit", 110.0)));
        checks.put(SESSION + "/Heart rate/A", byVital(facts, "HEART_RATE", "PULSE_RATE"));
        checks.put(SESSION + "/SpO2/A", byVital(facts, "SPO2"));
        checks.put(SESSION + "/Respiratory rate/A", byVital(facts, "RESPIRATORY_RATE"));
        checks.put(SESSION + "/Infusion rate/A", rows -> assertThat(series(rows, "rate", r -> PUMP.equals(r.get("device"))))
                .isEqualTo(StoreFacts.perBucket(pump, PumpReport::deviceTime, r -> r.programme().rateMlPerHour(),
                        INTERVAL, StoreFacts::last)));
        checks.put(SESSION + "/Dose delivered/A", rows -> assertThat(series(rows, "dose", r -> PUMP.equals(r.get("device"))))
                .isEqualTo(StoreFacts.perBucket(pump, PumpReport::deviceTime, DashboardQueriesIT::doseMg,
                        INTERVAL, StoreFacts::last)));
        checks.put(SESSION + "/Alarm log/A", rows -> assertThat(rows.stream()
                .map(r -> r.get("state") + " " + r.get("priority") + " " + r.get("rule") + " " + r.get("user"))
                .toList()).containsExactlyInAnyOrderElementsOf(alarmLog(facts)));
        checks.put(SESSION + "/Alarms/Anno", rows -> assertThat(rows).extracting(r -> r.get("state") + " " + r.get("text"))
                .hasSize(facts.alarmStateChanges.size())
                .contains("raised " + raiseText(facts.raised.get(0))));
        checks.put(SESSION + "/Session start and end/Anno", rows -> assertThat(rows).extracting(r -> r.get("event"))
                .containsExactly("started"));
        checks.put(SESSION + "/chair/query", rows -> assertThat(tagValues(rows)).contains(SimulatedSession.CHAIR));
        checks.put(SESSION + "/session/query", rows -> assertThat(tagValues(rows)).containsExactly(session.value()));

        checks.put(ENGINEERING + "/Device messages per minute/A", rows -> assertThat(series(rows, "count",
                r -> SimulatedSession.DEVICE.equals(r.get("device")))).isEqualTo(StoreFacts.perBucket(
                facts.messages, StoreFacts.Message::receivedAt, m -> 1.0, Duration.ofMinutes(1), StoreFacts::count)));
        checks.put(ENGINEERING + "/Decode and mapping failures/A", rows -> {
            assertThat(sum(rows, "non_negative_difference", r -> "decode".equals(r.get("kind")))).isEqualTo(1.0);
            assertThat(sum(rows, "non_negative_difference", r -> "mapping".equals(r.get("kind")))).isZero();
            assertThat(rows).allSatisfy(r -> assertThat(r.get("instance")).isEqualTo("test-node"));
        });
        checks.put(ENGINEERING + "/Acknowledgements/A", rows -> {
            assertThat(sum(rows, "non_negative_difference", r -> !"AA".equals(r.get("kind")))).isEqualTo(1.0);
            assertThat(sum(rows, "non_negative_difference", r -> "AA".equals(r.get("kind"))))
                    .isPositive().isLessThanOrEqualTo(facts.messages.size());
        });
        checks.put(ENGINEERING + "/Receive to stored/A", rows -> {
            // a mean that falls on a half of the sixth decimal rounds either way with the order of the sum
            assertSameMeans(series(rows, "mean", device()), StoreFacts.perBucket(facts.messages,
                    StoreFacts.Message::receivedAt, StoreFacts.Message::storeMillis, INTERVAL, StoreFacts::mean));
            assertThat(series(rows, "max", device())).isEqualTo(StoreFacts.perBucket(facts.messages,
                    StoreFacts.Message::receivedAt, StoreFacts.Message::storeMillis, INTERVAL, StoreFacts::max));
        });
        checks.put(ENGINEERING + "/Device clock offset/A", rows -> assertThat(series(rows, "mean", device()))
                .isEqualTo(StoreFacts.perBucket(facts.messages.stream().filter(m -> m.clockOffsetSeconds() != null)
                        .toList(), StoreFacts.Message::receivedAt, StoreFacts.Message::clockOffsetSeconds, INTERVAL,
                        StoreFacts::mean)).isNotEmpty());
        checks.put(ENGINEERING + "/InfluxDB projection lag/A", rows -> assertThat(values(rows, "seconds"))
                .isNotEmpty().allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0.0)));
        checks.put(ENGINEERING + "/InfluxDB projection lag/B", rows -> assertThat(values(rows, "events"))
                .isNotEmpty().allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0.0)));
        checks.put(ENGINEERING + "/Open MLLP connections/A", rows -> assertThat(single(rows, "last"))
                .isBetween(0.0, 2.0));
        checks.put(ENGINEERING + "/Points written/A", rows -> assertThat(single(rows, "last"))
                .isGreaterThanOrEqualTo(facts.values.size()));
        return checks;
    }

    private Map<String, Consumer<List<Map<String, Object>>>> endedChecks(StoreFacts facts, SessionId session,
                                                                         List<PumpReport> pump) {
        Map<String, Consumer<List<Map<String, Object>>>> checks = new LinkedHashMap<>();
        checks.put(CLINIC + "/Sessions running/A", rows -> assertThat(single(rows, "sum")).isZero());
        checks.put(CLINIC + "/Active alarms/A", rows -> assertThat(rows).isEmpty());
        checks.put(REVIEW + "/Dose delivered/A", rows -> assertThat(single(rows, "last"))
                .isEqualTo(doseMg(pump.get(pump.size() - 1))));
        checks.put(REVIEW + "/Peak systolic/A", rows -> assertThat(single(rows, "max")).isEqualTo(peak(facts, "NIBP_SYSTOLIC")));
        checks.put(REVIEW + "/Peak diastolic/A", rows -> assertThat(single(rows, "max")).isEqualTo(peak(facts, "NIBP_DIASTOLIC")));
        checks.put(REVIEW + "/Peak heart rate/A", rows -> assertThat(single(rows, "max")).isEqualTo(peak(facts, "HEART_RATE")));
        checks.put(REVIEW + "/Alarms by priority/A", rows -> assertThat(rows.stream().collect(Collectors.toMap(
                r -> (String) r.get("priority"), r -> ((Number) r.get("alarms")).longValue())))
                .isEqualTo(facts.raised.stream().collect(Collectors.groupingBy(r -> r.priority().name(),
                        Collectors.counting()))));
        checks.put(REVIEW + "/Mean time to acknowledge/A", rows -> assertThat(StoreFacts.round(single(rows, "mean")))
                .isEqualTo(StoreFacts.round(facts.acknowledged.stream().mapToDouble(a -> secondsToAck(facts, a)).average()
                        .orElseThrow())));
        checks.put(REVIEW + "/Times to acknowledge/A", rows -> assertThat(rows.stream()
                .map(r -> r.get("user") + " " + r.get("priority") + " " + r.get("rule") + " "
                        + StoreFacts.round(((Number) r.get("seconds_to_ack")).doubleValue())).toList())
                .containsExactlyInAnyOrderElementsOf(facts.acknowledged.stream()
                        .map(a -> a.user() + " " + facts.raise(a).orElseThrow().priority() + " "
                                + facts.raise(a).orElseThrow().rule() + " " + StoreFacts.round(secondsToAck(facts, a)))
                        .toList()).isNotEmpty());
        checks.put(REVIEW + "/Session/A", rows -> assertThat(rows)
                .extracting(r -> r.get("treatment"), r -> r.get("baseline_systolic"), r -> r.get("reason"))
                .containsExactly(tuple("IV_KETAMINE", 125.0, null),
                        tuple(null, null, "discharged")));
        checks.put(REVIEW + "/Blood pressure over the session/A", byVital(facts, "NIBP_SYSTOLIC", "NIBP_DIASTOLIC"));
        checks.put(REVIEW + "/Alarms/Anno", rows -> assertThat(rows).extracting(r -> r.get("state"))
                .hasSize(facts.alarmStateChanges.size()).contains("raised", "acknowledged", "cleared"));
        checks.put(REVIEW + "/chair/query", rows -> assertThat(tagValues(rows)).contains(SimulatedSession.CHAIR));
        checks.put(REVIEW + "/session/query", rows -> assertThat(tagValues(rows)).containsExactly(session.value()));
        return checks;
    }

    private void check(Map<String, List<Map<String, Object>>> results, String key,
                       Consumer<List<Map<String, Object>>> check) {
        assertThat(results).as("a dashboard has the query " + key).containsKey(key);
        try {
            check.accept(results.get(key));
        } catch (AssertionError e) {
            throw new AssertionError(key + ": " + e.getMessage() + "\nrows: " + results.get(key), e);
        }
        checked.add(key);
    }

    private static Map<String, List<Map<String, Object>>> run(InfluxServer influx, List<DashboardQuery> queries,
                                                              Map<String, String> variables, Set<String> dashboards) {
        Map<String, List<Map<String, Object>>> results = new TreeMap<>();
        for (DashboardQuery query : queries) {
            if (dashboards.contains(query.dashboard())) {
                results.put(query.key(), StoredPoints.rows(influx.query(VigilWithInflux.DATABASE,
                        query.substituted(variables))));
            }
        }
        return results;
    }

    /** The dashboard variables for the session, and Grafana's macros for a range around it. */
    private static Map<String, String> variables(SessionId session, StoreFacts facts) {
        Instant from = facts.started.get(0).startedAt().isBefore(facts.earliest())
                ? facts.started.get(0).startedAt() : facts.earliest();
        Instant to = facts.latest().isAfter(Instant.now()) ? facts.latest() : Instant.now();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("timeFilter", "time >= '" + from.minusSeconds(60) + "' AND time <= '" + to.plusSeconds(60) + "'");
        variables.put("__interval", INTERVAL.toSeconds() + "s");
        variables.put("session", session.value());
        variables.put("chair", SimulatedSession.CHAIR);
        return variables;
    }

    /** Three pump reports inside the session: the infusion starting, running, and the volume growing. */
    private static List<PumpReport> infusion(StoreFacts facts) {
        Instant start = facts.earliest();
        PumpProgramme programme = new PumpProgramme("ketamine", 1.0, 54.4, 36.25, 0.75, "mg/kg/h");
        return List.of(
                pumpReport(start.plusSeconds(1), programme, 0.0),
                pumpReport(start.plusSeconds(21), programme, 0.3),
                pumpReport(start.plusSeconds(41), new PumpProgramme("ketamine", 1.0, 40.0, 36.25, 0.55,
                        "mg/kg/h"), 0.6));
    }

    private static PumpReport pumpReport(Instant at, PumpProgramme programme, double infusedMl) {
        return new PumpReport(new DeviceId(PUMP), new MessageKey(PUMP, at.toString()), at, at.plusMillis(200),
                PumpStatus.INFUSING, programme, infusedMl, programme.vtbiMl() - infusedMl, null, List.of());
    }

    private static Double doseMg(PumpReport report) {
        return report.volumeInfusedMl() * report.programme().concentrationMgPerMl();
    }

    private static void sendMalformedMessage(int mllpPort) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", mllpPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(("\u000Bthis is not an HL7 message\u001C\r").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).as("the listener answers with a negative ACK").isEqualTo(0x0B);
        }
    }

    private static double lastCount(InfluxServer influx, String measurement, String kind) {
        try {
            List<Map<String, Object>> rows = StoredPoints.rows(influx.query(VigilWithInflux.DATABASE,
                    "SELECT last(\"count\") FROM \"" + measurement + "\"" + (kind == null ? "" : " WHERE \"kind\" = '"
                            + kind + "'")));
            return rows.isEmpty() ? -1 : ((Number) rows.get(0).get("last")).doubleValue();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static Consumer<List<Map<String, Object>>> byChair(StoreFacts facts, String vital) {
        return rows -> assertThat(series(rows, "mean", r -> SimulatedSession.CHAIR.equals(r.get("chair"))))
                .isEqualTo(StoreFacts.perBucket(facts.values(vital), StoreFacts.Value::time, StoreFacts.Value::value,
                        INTERVAL, StoreFacts::mean)).isNotEmpty();
    }

    private static Consumer<List<Map<String, Object>>> byVital(StoreFacts facts, String... vitals) {
        return rows -> {
            for (String vital : vitals) {
                assertThat(series(rows, "last", r -> vital.equals(r.get("vital")))).as(vital)
                        .isEqualTo(StoreFacts.perBucket(facts.values(vital), StoreFacts.Value::time,
                                StoreFacts.Value::value, INTERVAL, StoreFacts::last)).isNotEmpty();
            }
            assertThat(rows).allSatisfy(r -> assertThat(List.of(vitals)).contains((String) r.get("vital")));
        };
    }

    private static Consumer<List<Map<String, Object>>> limits(Map<String, Double> expected) {
        return rows -> {
            List<Map<String, Object>> filled = rows.stream().filter(r -> r.get("baseline") != null).toList();
            assertThat(filled).isNotEmpty().allSatisfy(row -> expected.forEach((column, value) ->
                    assertThat(row.get(column)).as(column).isEqualTo(value)));
        };
    }

    private static Predicate<Map<String, Object>> device() {
        return r -> SimulatedSession.DEVICE.equals(r.get("device"));
    }

    /** The same buckets, each mean equal to 10⁻⁵ (both are rounded to six decimals, InfluxDB's and ours). */
    private static void assertSameMeans(Map<Instant, Double> shown, Map<Instant, Double> stored) {
        assertThat(shown.keySet()).isEqualTo(stored.keySet());
        stored.forEach((bucket, mean) -> assertThat(shown.get(bucket)).as("mean of %s", bucket)
                .isCloseTo(mean, within(1e-5)));
    }

    private static Map<Instant, Double> series(List<Map<String, Object>> rows, String column,
                                               Predicate<Map<String, Object>> filter) {
        Map<Instant, Double> series = new TreeMap<>();
        rows.stream().filter(filter).filter(r -> r.get(column) != null).forEach(r ->
                series.put((Instant) r.get("time"), StoreFacts.round(((Number) r.get(column)).doubleValue())));
        return series;
    }

    private static List<Double> values(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).filter(v -> v != null)
                .map(v -> ((Number) v).doubleValue()).toList();
    }

    private static double sum(List<Map<String, Object>> rows, String column, Predicate<Map<String, Object>> filter) {
        return values(rows.stream().filter(filter).toList(), column).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double single(List<Map<String, Object>> rows, String column) {
        assertThat(rows).hasSize(1);
        return ((Number) rows.get(0).get(column)).doubleValue();
    }

    private static List<String> tagValues(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("value")).toList();
    }

    private static Set<String> alarmRows(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("chair") + " " + r.get("priority") + " " + r.get("rule") + " "
                + r.get("text")).collect(Collectors.toSet());
    }

    private static Set<String> activeAlarms(StoreFacts facts) {
        Set<String> cleared = facts.alarmStateChanges.stream().filter(AlarmClearedEvent.class::isInstance)
                .map(e -> ((AlarmClearedEvent) e).alarmId().value()).collect(Collectors.toSet());
        return facts.raised.stream().filter(r -> !cleared.contains(r.alarmId().value()))
                .map(r -> r.chairId() + " " + r.priority() + " " + r.rule() + " " + raiseText(r))
                .collect(Collectors.toSet());
    }

    private static Map<String, Double> latestValues(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("chair") + " " + r.get("vital"),
                r -> ((Number) r.get("last")).doubleValue()));
    }

    private static Map<String, Double> latestValues(StoreFacts facts) {
        Map<String, StoreFacts.Value> latest = new TreeMap<>();
        for (StoreFacts.Value v : facts.values) {
            latest.merge(v.chair() + " " + v.vital(), v, (a, b) -> b.time().isBefore(a.time()) ? a : b);
        }
        return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
    }

    private static List<String> alarmLog(StoreFacts facts) {
        return facts.alarmStateChanges.stream().map(e -> {
            if (e instanceof AlarmRaisedEvent r) {
                return "raised " + r.priority() + " " + r.rule() + " null";
            }
            if (e instanceof AlarmAcknowledgedEvent a) {
                return "acknowledged " + raiseOf(facts, a.alarmId()) + " " + a.user();
            }
            if (e instanceof AlarmConditionEndedEvent c) {
                return "condition_ended " + raiseOf(facts, c.alarmId()) + " null";
            }
            return "cleared " + raiseOf(facts, ((AlarmClearedEvent) e).alarmId()) + " null";
        }).toList();
    }

    private static String raiseOf(StoreFacts facts, AlarmId alarm) {
        AlarmRaisedEvent raise = facts.raised.stream().filter(r -> r.alarmId().equals(alarm)).findFirst()
                .orElseThrow();
        return raise.priority() + " " + raise.rule();
    }

    private static double peak(StoreFacts facts, String vital) {
        return facts.values(vital).stream().mapToDouble(StoreFacts.Value::value).max().orElseThrow();
    }

    private static double secondsToAck(StoreFacts facts, AlarmAcknowledgedEvent ack) {
        return Duration.between(facts.raise(ack).orElseThrow().raisedAt(), ack.at()).toNanos() / 1e9;
    }

    private static String raiseText(AlarmRaisedEvent raise) {
        return raise.priority() + " " + (raise.message() != null && !raise.message().isBlank()
                ? raise.message() : raise.rule());
    }
}
