package org.vigil.query.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;
import org.vigil.query.RunningVigil;
import org.vigil.simulator.ClinicSimulator;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.ScriptedScenario;
import org.vigil.simulator.scenario.ScriptedValue;

/**
 * The director's CSV of a session through the running application: a simulated monitor sends its values over MLLP,
 * a pump reports, and the CSV holds exactly one row per value of the stored record (read back from the record's
 * JSON lines), with the device's times and units, the value a device did not have left empty. The session is long
 * enough to have been snapshotted: both exports read the session from its first event.
 */
class SessionCsvExportIT {

    private static final int HEART_RATE = 77;
    private static final int MESSAGES = 4;

    @TempDir
    Path data;

    @Test
    void aDirectorGetsOneRowPerStoredValueAndPumpMessageANurseIsRefusedAnUnknownSessionIsNotFound()
            throws IOException {
        List<String> properties = new ArrayList<>(RunningVigil.devices("sim-monitor-01=chair-1"));
        properties.add("--vigil.snapshot-threshold=5");
        try (RunningVigil vigil = RunningVigil.startWith(data, properties)) {
            // given a session with a monitor's messages, a message with a value not available, and a pump message
            SessionId session = vigil.startSession("chair-1", 120, 80);
            ClinicSimulator simulator = new ClinicSimulator(List.of(MonitorSpec.numbered(1, ScriptedScenario.of(
                    ScriptedValue.at(Duration.ZERO, VitalSign.HEART_RATE, HEART_RATE)), 1)), "127.0.0.1",
                    vigil.mllpPort(), Clock.systemUTC(), 1.0);
            simulator.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> messagesOf(vigil, session) >= MESSAGES);
            } finally {
                simulator.stop();
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            vigil.command(new RecordObservationsCommand(session, new DeviceObservations(new DeviceId("monitor-t"),
                    new MessageKey("GATEWAY-T", "not-available-1"), at, at.plusMillis(300), List.of(
                    Observation.notAvailable(Vital.NIBP_SYSTOLIC, null), Observation.of(Vital.SPO2, 96, null)))));
            vigil.command(new RecordPumpReportCommand(session, new PumpReport(new DeviceId("pump-1"),
                    new MessageKey("pump-1", "p-1"), at, at.plusMillis(40), PumpStatus.INFUSING,
                    new PumpProgramme("ketamine", 1.0, 52.5, 35.0, null, null), 4.5, 30.5, null, List.of())));
            await().atMost(Duration.ofSeconds(20)).until(() -> vigil.context().getBean(EventStorageEngine.class)
                    .readSnapshot(session.value()).isPresent());
            String path = "/api/sessions/" + session + "/export.csv";

            // when
            HttpResponse<String> director = vigil.send("GET", path, "director", null);
            HttpResponse<String> engineer = vigil.send("GET", path, "engineer", null);
            HttpResponse<String> nurse = vigil.send("GET", path, "nurse", null);
            HttpResponse<String> unknown = vigil.send("GET", "/api/sessions/no-such-session/export.csv",
                    "director", null);
            HttpResponse<String> record = vigil.send("GET", "/api/record/sessions/" + session + "/events",
                    "director", null);

            // then the CSV, as a download
            assertThat(director.statusCode()).isEqualTo(200);
            assertThat(director.headers().firstValue("Content-Type").map(MediaType::parseMediaType))
                    .hasValue(new MediaType("text", "csv", StandardCharsets.UTF_8));
            assertThat(director.headers().firstValue("Content-Disposition").map(ContentDisposition::parse))
                    .hasValueSatisfying(disposition -> {
                        assertThat(disposition.isAttachment()).isTrue();
                        assertThat(disposition.getFilename()).isEqualTo("session-" + session + ".csv");
                    });
            assertThat(director.body()).endsWith("\r\n");
            List<CSVRecord> rows = parse(director.body());

            // and one observation row per value of the stored record, in its order, with its times, value and unit
            List<JsonNode> events = Arrays.stream(record.body().split("\n")).map(RunningVigil::json).toList();
            assertThat(events.get(0).path("type").asText()).as("the record from its first event")
                    .isEqualTo("SessionStartedEvent");
            List<JsonNode[]> stored = storedValues(events);
            List<CSVRecord> observations = rows.stream().filter(row -> row.get("kind").equals("observation"))
                    .toList();
            assertThat(observations).hasSize(stored.size()).hasSizeGreaterThan(MESSAGES);
            for (int i = 0; i < stored.size(); i++) {
                assertRow(observations.get(i), stored.get(i)[0], stored.get(i)[1]);
            }
            String heartRate = String.valueOf(Vital.HEART_RATE.mdcCode());
            assertThat(observations).filteredOn(row -> row.get("mdc_code").equals(heartRate))
                    .hasSizeGreaterThanOrEqualTo(MESSAGES)
                    .allSatisfy(row -> {
                        assertThat(Double.parseDouble(row.get("value"))).isEqualTo(HEART_RATE);
                        assertThat(row.get("unit")).isEqualTo("/min");
                        assertThat(Instant.parse(row.get("device_time"))).isBefore(at);
                    });
            assertThat(observations).filteredOn(row -> row.get("message").equals("GATEWAY-T/not-available-1"))
                    .extracting(row -> row.get("label") + "=" + row.get("value"))
                    .containsExactly("MDC_PRESS_BLD_NONINV_SYS=", "MDC_PULS_OXIM_SAT_O2=96.0");

            // and one pump row per pump message
            long pumpMessages = events.stream()
                    .filter(event -> event.path("type").asText().equals("PumpReportRecordedEvent")).count();
            assertThat(rows).filteredOn(row -> row.get("kind").equals("pump")).hasSize((int) pumpMessages)
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("device")).isEqualTo("pump-1");
                        assertThat(row.get("pump_status")).isEqualTo("INFUSING");
                        assertThat(row.get("rate_ml_per_h")).isEqualTo("52.5");
                        assertThat(row.get("volume_infused_ml")).isEqualTo("4.5");
                        assertThat(row.get("dose_rate")).isEmpty();
                        assertThat(Instant.parse(row.get("device_time"))).isEqualTo(at);
                    });
            assertThat(rows).hasSize(observations.size() + (int) pumpMessages);

            // and the same for an engineer, none for a nurse, and a clear answer for a session that does not exist
            assertThat(engineer.statusCode()).isEqualTo(200);
            assertThat(engineer.body()).isEqualTo(director.body());
            assertThat(nurse.statusCode()).isEqualTo(403);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("no session no-such-session");
        }
    }

    private static long messagesOf(RunningVigil vigil, SessionId session) {
        return vigil.stored(ObservationsRecordedEvent.class).stream()
                .filter(stored -> session.equals(stored.payload().sessionId())).count();
    }

    /** Each stored observation with the message it came in, from the record's JSON lines, oldest first. */
    private static List<JsonNode[]> storedValues(List<JsonNode> events) {
        List<JsonNode[]> values = new ArrayList<>();
        events.stream().filter(event -> event.path("type").asText().equals("ObservationsRecordedEvent"))
                .map(event -> event.path("payload"))
                .forEach(message -> message.path("observations")
                        .forEach(observation -> values.add(new JsonNode[] {message, observation})));
        return values;
    }

    private static void assertRow(CSVRecord row, JsonNode message, JsonNode observation) {
        JsonNode deviceTime = observation.hasNonNull("deviceTime") ? observation.path("deviceTime")
                : message.path("deviceTime");
        if (deviceTime.isTextual()) {
            assertThat(Instant.parse(row.get("device_time"))).isEqualTo(Instant.parse(deviceTime.asText()));
        } else {
            assertThat(row.get("device_time")).as("no device time").isEmpty();
        }
        assertThat(Instant.parse(row.get("received_at"))).isEqualTo(Instant.parse(message.path("receivedAt")
                .asText()));
        assertThat(row.get("device")).isEqualTo(message.path("deviceId").asText());
        assertThat(row.get("mdc_code")).isEqualTo(observation.path("mdcCode").asText());
        assertThat(row.get("label")).isEqualTo(observation.path("label").asText());
        assertThat(row.get("unit")).isEqualTo(observation.path("unit").asText());
        if (!observation.hasNonNull("value")) {
            assertThat(row.get("value")).as("a value not available").isEmpty();
        } else {
            assertThat(Double.parseDouble(row.get("value"))).isEqualTo(observation.path("value").asDouble());
        }
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
