package org.vigil.query.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.Vital;

/**
 * A session's values as the director opens them in a spreadsheet: RFC 4180 with CRLF line ends, a device's own
 * label quoted when it holds a comma or a quote, a value the device did not have left empty rather than 0.
 */
class SessionCsvTest {

    private static final SessionId SESSION = new SessionId("session-1");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final Instant SENT = Instant.parse("2026-03-02T09:25:00Z");
    private static final Instant RECEIVED = SENT.plusMillis(412);

    @Test
    void writesOneRowPerValueQuotingALabelWithACommaAndAQuoteAndLeavingANotAvailableValueEmpty()
            throws IOException {
        // given a message with a value, a value not available, and a value under the device's own label
        ObservationsRecordedEvent message = ObservationsRecordedEvent.of(SESSION, CHAIR,
                new DeviceObservations(new DeviceId("monitor-2"),
                        new MessageKey("GATEWAY-1", "m-1"), SENT, RECEIVED, List.of(
                        Observation.of(Vital.HEART_RATE, 71, SENT),
                        Observation.notAvailable(Vital.NIBP_SYSTOLIC, SENT.minusSeconds(30)),
                        new Observation(999_001, "Temp, \"core\"", 36.6, "Cel", null))));

        // when
        String csv = write(message, new SessionEndedEvent(SESSION, CHAIR, "done", RECEIVED));

        // then
        assertThat(csv).startsWith(
                "kind,device_time,received_at,device,message,mdc_code,label,value,unit,pump_status,drug,"
                        + "concentration_mg_per_ml,rate_ml_per_h,vtbi_ml,dose_rate,dose_rate_unit,"
                        + "volume_infused_ml,volume_remaining_ml,time_remaining,pump_alarms\r\n");
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).as("a header, three rows and the end of the last").hasSize(5);
        assertThat(lines[4]).isEmpty();
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(csv).contains("observation,2026-03-02T09:25:00Z,2026-03-02T09:25:00.412Z,monitor-2,"
                + "GATEWAY-1/m-1,147842,MDC_ECG_HEART_RATE,71.0,/min,,,,,,,,,,,\r\n");
        assertThat(csv).contains("observation,2026-03-02T09:24:30Z,2026-03-02T09:25:00.412Z,monitor-2,"
                + "GATEWAY-1/m-1,150021,MDC_PRESS_BLD_NONINV_SYS,,mm[Hg],");
        assertThat(csv).contains(",999001,\"Temp, \"\"core\"\"\",36.6,Cel,");

        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("value")).isEmpty();
        assertThat(rows.get(2).get("label")).isEqualTo("Temp, \"core\"");
        assertThat(rows.get(2).get("device_time")).isEqualTo("2026-03-02T09:25:00Z");
    }

    @Test
    void writesAPumpMessageAsOnePumpRowWithItsProgrammeVolumesStatusAndAlarms() throws IOException {
        // given
        PumpReport report = new PumpReport(new DeviceId("pump-1"), new MessageKey("pump-1", "p-7"), null, RECEIVED,
                PumpStatus.STOPPED, new PumpProgramme("ketamine", 1.0, 52.5, 35.0, 0.75, "mg/kg/h"), 12.25,
                null, Duration.ofMinutes(26), List.of(new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM,
                AlarmPriority.HIGH, "Occlusion, patient side", true)));

        // when
        List<CSVRecord> rows = parse(write(new PumpReportRecordedEvent(SESSION, CHAIR, report)));

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("kind")).isEqualTo("pump");
            assertThat(row.get("device_time")).as("the pump gave no time").isEmpty();
            assertThat(row.get("received_at")).isEqualTo("2026-03-02T09:25:00.412Z");
            assertThat(row.get("device")).isEqualTo("pump-1");
            assertThat(row.get("pump_status")).isEqualTo("STOPPED");
            assertThat(row.get("drug")).isEqualTo("ketamine");
            assertThat(row.get("rate_ml_per_h")).isEqualTo("52.5");
            assertThat(row.get("vtbi_ml")).isEqualTo("35.0");
            assertThat(row.get("dose_rate")).isEqualTo("0.75");
            assertThat(row.get("dose_rate_unit")).isEqualTo("mg/kg/h");
            assertThat(row.get("volume_infused_ml")).isEqualTo("12.25");
            assertThat(row.get("volume_remaining_ml")).as("not in the message").isEmpty();
            assertThat(row.get("time_remaining")).isEqualTo("PT26M");
            assertThat(row.get("pump_alarms")).isEqualTo("OCCLUSION_DOWNSTREAM (HIGH): Occlusion, patient side");
            assertThat(row.get("value")).isEmpty();
        });
    }

    private static String write(Object... events) throws IOException {
        StringBuilder out = new StringBuilder();
        SessionCsv csv = new SessionCsv(out);
        for (Object event : events) {
            csv.write(event);
        }
        csv.flush();
        return out.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
