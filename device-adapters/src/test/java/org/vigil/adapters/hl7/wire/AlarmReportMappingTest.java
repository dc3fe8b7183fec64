package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpAlarmKind;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AlarmReportMappingTest {

    private static final Instant NOW = Instant.parse("2024-03-05T15:15:02Z");

    private final PcdDecoder decoder = new PcdDecoder();
    private final PcdMapper mapper = new PcdMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsThePumpOcclusionStartToATechnicalAlarmWithItsEventCodeAndWords() {
        // when
        DeviceAlarmReport alarm = mapAlarm(PcdExamples.load(PcdExamples.PUMP_OCCLUSION_START));

        // then
        assertThat(alarm.phase()).isEqualTo(AlarmPhase.START);
        assertThat(alarm.kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(alarm.priority()).isNull();
        assertThat(alarm.alarmCode()).isEqualTo("196940^MDC_EVT_FLUID_LINE_OCCL");
        assertThat(alarm.text()).isEqualTo("Occlusion");
        assertThat(alarm.sourceMdcCode()).isEqualTo(69985);
        assertThat(alarm.alarmId()).isEqualTo("E0001_27^PAT_DEVICE_BBRAUN^0012211839000001");
        assertThat(alarm.deviceId()).isEqualTo(new DeviceId("P6013"));
        assertThat(alarm.messageKey()).isEqualTo(new MessageKey(
                "PAT_DEVICE_BBRAUN^0012211839000001^EUI64|BBRAUN", "6346172845752460251"));
        assertThat(alarm.deviceTime()).isEqualTo(Instant.parse("2012-01-09T23:54:17Z"));
        assertThat(alarm.receivedAt()).isEqualTo(NOW);
        assertThat(PumpAlarmCodes.kindOf(alarm.alarmCode())).contains(PumpAlarmKind.OCCLUSION_DOWNSTREAM);
    }

    @Test
    void givesTheEndOfAnAlarmTheIdentityOfItsStartThroughTheParent() {
        // when
        DeviceAlarmReport start = mapAlarm(PcdExamples.load(PcdExamples.PUMP_OCCLUSION_START));
        DeviceAlarmReport end = mapAlarm(PcdExamples.load(PcdExamples.PUMP_OCCLUSION_END));

        // then
        assertThat(end.phase()).isEqualTo(AlarmPhase.END);
        assertThat(end.alarmId()).isEqualTo(start.alarmId());
        assertThat(end.messageKey()).isNotEqualTo(start.messageKey());
        assertThat(end.deviceTime()).isEqualTo(Instant.parse("2012-01-09T23:54:26Z"));
    }

    @Test
    void mapsTheMonitorsLowSpo2AlarmToAPhysiologicalMediumAlarmAboutSpo2() {
        // when
        DeviceAlarmReport alarm = mapAlarm(PcdExamples.load(PcdExamples.SPO2_LOW_START));

        // then
        assertThat(alarm.phase()).isEqualTo(AlarmPhase.START);
        assertThat(alarm.kind()).isEqualTo(AlarmKind.PHYSIOLOGICAL);
        assertThat(alarm.priority()).isEqualTo(AlarmPriority.MEDIUM);
        assertThat(alarm.alarmCode()).isEqualTo("196670^MDC_EVT_LO");
        assertThat(alarm.text()).isEqualTo("Low SpO2");
        assertThat(alarm.sourceMdcCode()).isEqualTo(150456);
        assertThat(alarm.alarmId()).isEqualTo("1^MINDRAY_EGATEWAY^00A037EB2175780F");
        assertThat(alarm.deviceId()).isEqualTo(new DeviceId("F1519EFX"));
        assertThat(PumpAlarmCodes.kindOf(alarm.alarmCode())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "start, START", "start_only, START", "update, UPDATE", "continue, UPDATE", "escalate, UPDATE",
            "end, END", "END, END"})
    void readsTheEventPhase(String phase, AlarmPhase expected) {
        // given
        String message = PcdExamples.load(PcdExamples.SPO2_LOW_START).replace("1.3.1.150456.3|start|", "1.3.1.150456.3|" + phase + "|");

        // when
        DeviceAlarmReport alarm = mapAlarm(message);

        // then
        assertThat(alarm.phase()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PH~ST, HIGH, TECHNICAL", "PM~SP, MEDIUM, PHYSIOLOGICAL", "PL~SP, LOW, PHYSIOLOGICAL",
            "PN~SA, , ", "L, , "})
    void readsPriorityAndTypeFromTheInterpretationCodes(String codes, AlarmPriority priority, AlarmKind kind) {
        // given
        String message = PcdExamples.load(PcdExamples.SPO2_LOW_START).replace("|L~PM~SP|", "|" + codes + "|");

        // when
        DeviceAlarmReport alarm = mapAlarm(message);

        // then
        assertThat(alarm.priority()).isEqualTo(priority);
        assertThat(alarm.kind()).isEqualTo(kind);
    }

    @Test
    void readsPriorityAndTypeFromTheirOwnRowsWhenObx8IsEmpty() {
        // given
        String message = PcdExamples.load(PcdExamples.PUMP_OCCLUSION_START).replace("|||ST|||F|", "||||||F|")
                + "OBX|6|ST|68484^MDC_ATTR_ALARM_PRIORITY^MDC|1.0.0.0.6|PH||||||F\r"
                + "OBX|7|ST|68485^MDC_ATTR_ALERT_TYPE^MDC|1.0.0.0.7|ST||||||F\r";

        // when
        DeviceAlarmReport alarm = mapAlarm(message);

        // then
        assertThat(alarm.priority()).isEqualTo(AlarmPriority.HIGH);
        assertThat(alarm.kind()).isEqualTo(AlarmKind.TECHNICAL);
    }

    @Test
    void takesThePhaseFromTheAlarmStateWhenThereIsNoPhaseRow() {
        // given
        String message = PcdExamples.load(PcdExamples.PUMP_OCCLUSION_END)
                .replace("OBX|3|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.0.0.0.3|end||||||F\r", "");

        // when
        DeviceAlarmReport alarm = mapAlarm(message);

        // then
        assertThat(alarm.phase()).isEqualTo(AlarmPhase.END);
    }

    @Test
    void usesTheAlarmsOwnFillerOrderNumberWhenThereIsNoParent() {
        // given
        String message = PcdExamples.load(PcdExamples.SPO2_LOW_START).replace("|^1&MINDRAY_EGATEWAY&00A037EB2175780F&EUI-64", "|");

        // when
        DeviceAlarmReport alarm = mapAlarm(message);

        // then
        assertThat(alarm.alarmId()).isEqualTo("1^MINDRAY_EGATEWAY^00A037EB2175780F");
    }

    @Test
    void failsWithAReasonWhenNoRowIsAnAlarm() {
        // given
        String message = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R40^ORU_R40|AL-1|P|2.6\r"
                + "OBR|1||A1^GW|196616^MDC_EVT_ALARM^MDC|||20240305101500\r"
                + "OBX|1|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.0.0.0.3|start||||||F\r";

        // when
        Hl7MapResult result = mapper.map(decode(message));

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AE);
            assertThat(failed.failure().error()).isEqualTo(Hl7ErrorCode.REQUIRED_FIELD_MISSING);
            assertThat(failed.failure().reason()).startsWith("no alarm: a PCD-04 message names its alarm");
        });
    }

    @Test
    void failsWithAReasonWhenNothingSaysTheAlarmsPhase() {
        // given
        String message = PcdExamples.load(PcdExamples.PUMP_OCCLUSION_START)
                .replace("OBX|3|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.0.0.0.3|start||||||F\r", "")
                .replace("OBX|4|ST|68482^MDC_ATTR_ALARM_STATE^MDC|1.0.0.0.4|active||||||F\r", "");

        // when
        Hl7MapResult result = mapper.map(decode(message));

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Failed.class, failed ->
                assertThat(failed.failure().reason()).startsWith("no alarm phase: neither an MDC_ATTR_EVENT_PHASE nor"));
    }

    private DeviceAlarmReport mapAlarm(String message) {
        Hl7MapResult result = mapper.map(decode(message));
        assertThat(result).isInstanceOf(Hl7MapResult.Mapped.class);
        Hl7MapResult.Mapped mapped = (Hl7MapResult.Mapped) result;
        assertThat(mapped.reports()).singleElement().isInstanceOf(DeviceAlarmReport.class);
        return (DeviceAlarmReport) mapped.reports().get(0);
    }

    private Hl7DecodeResult.Decoded decode(String message) {
        Hl7DecodeResult decoded = decoder.decode(message);
        assertThat(decoded).isInstanceOf(Hl7DecodeResult.Decoded.class);
        return (Hl7DecodeResult.Decoded) decoded;
    }
}
