package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PumpEventMappingTest {

    private static final Instant NOW = Instant.parse("2024-03-05T09:54:02Z");

    private final PcdDecoder decoder = new PcdDecoder();
    private final PcdMapper mapper = new PcdMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsTheIpecDeliveryStartSampleToAnInfusingPumpWithItsProgramme() {
        // when
        PumpReport report = mapPump(PcdExamples.load(PcdExamples.IPEC_DELIVERY_START));

        // then
        assertThat(report.status()).isEqualTo(PumpStatus.INFUSING);
        assertThat(report.programme()).isEqualTo(new PumpProgramme("Dopamine", 1.6, 15.4, 250.0, 5.0, "ug/kg/min"));
        assertThat(report.volumeInfusedMl()).isEqualTo(0.0);
        assertThat(report.volumeRemainingMl()).isEqualTo(250.0);
        assertThat(report.timeRemaining()).isEqualTo(Duration.ofMinutes(974));
        assertThat(report.alarms()).isEmpty();
        assertThat(report.deviceId()).isEqualTo(new DeviceId("E0002"));
        assertThat(report.messageKey()).isEqualTo(new MessageKey(
                "PAT_DEVICE_PUMPVENDOR^9999990000000000^EUI-64|PUMPVENDOR", "6358051206735492253"));
        assertThat(report.deviceTime()).isEqualTo(Instant.parse("2015-10-15T18:21:06Z"));
        assertThat(report.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void readsAStopByTheClinicianAsAPauseWithTheVolumeDeliveredSoFar() {
        // when
        PumpReport report = mapPump(PcdExamples.load(PcdExamples.KETAMINE_PAUSED));

        // then
        assertThat(report.status()).isEqualTo(PumpStatus.PAUSED);
        assertThat(report.programme()).isEqualTo(new PumpProgramme("Ketamine", 1.0, 60.0, 40.0, null, null));
        assertThat(report.volumeInfusedMl()).isEqualTo(12.0);
        assertThat(report.volumeRemainingMl()).isEqualTo(28.0);
        assertThat(report.timeRemaining()).isEqualTo(Duration.ofMinutes(28));
        assertThat(report.deviceId()).isEqualTo(new DeviceId("LVP-0007"));
        assertThat(report.deviceTime()).isEqualTo(Instant.parse("2024-03-05T09:32:00Z"));
    }

    @Test
    void readsAStopBecauseThePumpAlarmedAsStopped() {
        // when
        PumpReport report = mapPump(PcdExamples.load(PcdExamples.KETAMINE_STOPPED_BY_ALARM));

        // then
        assertThat(report.status()).isEqualTo(PumpStatus.STOPPED);
        assertThat(report.volumeInfusedMl()).isEqualTo(20.0);
    }

    @Test
    void readsADeliveryCompleteAsCompleteAndTheFollowingKvoStartAsKvo() {
        // when
        PumpReport complete = mapPump(PcdExamples.load(PcdExamples.KETAMINE_COMPLETE));
        PumpReport kvo = mapPump(PcdExamples.load(PcdExamples.KETAMINE_KVO));

        // then
        assertThat(complete.status()).isEqualTo(PumpStatus.COMPLETE);
        assertThat(complete.volumeInfusedMl()).isEqualTo(40.0);
        assertThat(complete.volumeRemainingMl()).isEqualTo(0.0);
        assertThat(kvo.status()).isEqualTo(PumpStatus.KVO);
        assertThat(kvo.programme().rateMlPerHour()).isEqualTo(1.0);
        assertThat(kvo.programme().vtbiMl()).isEqualTo(0.0);
    }

    @Test
    void readsTheStopOfARateChangeAsStillInfusingAtTheOldRate() {
        // given
        String rateChangeStop = PcdExamples.load(PcdExamples.KETAMINE_PAUSED)
                .replace("^pump-status-not-infusing", "^pump-status-infusing")
                .replace("^pump-delivery-status-not-delivering", "^pump-delivery-status-transitioning")
                .replace("OBX|10|CWE|0^MDC_DEV_PUMP_NOT_DELIVERING_REASON^MDC|1.1.2.2|^pump-stopped-by-clinician||||||R\r", "");

        // when
        PumpReport report = mapPump(rateChangeStop);

        // then
        assertThat(report.status()).isEqualTo(PumpStatus.INFUSING);
        assertThat(report.programme().rateMlPerHour()).isEqualTo(60.0);
    }

    @Test
    void takesTheEventTimeFromTheEventRow() {
        // given
        String message = PcdExamples.load(PcdExamples.KETAMINE_PAUSED)
                .replace("0^MDC_EVT_PUMP_DELIV_STOP^MDC||||||R|||20240305103200+0100",
                        "0^MDC_EVT_PUMP_DELIV_STOP^MDC||||||R|||20240305103157+0100");

        // when
        PumpReport report = mapPump(message);

        // then
        assertThat(report.deviceTime()).isEqualTo(Instant.parse("2024-03-05T09:31:57Z"));
    }

    @Test
    void keepsAnEventThatDoesNotChangeTheDeliveryWithTheStatusTheRowsState() {
        // given
        String message = PcdExamples.load(PcdExamples.KETAMINE_PAUSED)
                .replace("0^MDC_EVT_PUMP_DELIV_STOP^MDC", "0^MDC_EVT_PATIENT_PARAMETER_CHANGE^MDC");

        // when
        PumpReport report = mapPump(message);

        // then
        assertThat(report.status()).isEqualTo(PumpStatus.PAUSED);
        assertThat(report.programme().drug()).isEqualTo("Ketamine");
    }

    @Test
    void failsWithAReasonWhenThePumpEventNamesNoEvent() {
        // given
        String message = PcdExamples.load(PcdExamples.KETAMINE_PAUSED)
                .replace("OBX|2|CWE|0^MDC_ATTR_EVT_COND^MDC|1.0.0.2|0^MDC_EVT_PUMP_DELIV_STOP^MDC||||||R|||20240305103200+0100\r", "");

        // when
        Hl7MapResult result = mapper.map(decode(message));

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AE);
            assertThat(failed.failure().error()).isEqualTo(Hl7ErrorCode.REQUIRED_FIELD_MISSING);
            assertThat(failed.failure().reason()).isEqualTo(
                    "no infusion event: a PCD-10 message names its event in OBX-5 of an MDC_ATTR_EVT_COND row");
        });
    }

    @Test
    void leavesOutARateInAUnitThatIsNotAFlowAndSaysSo() {
        // given
        String message = PcdExamples.load(PcdExamples.KETAMINE_PAUSED)
                .replace("|60|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM", "|60|262688^MDC_DIM_PERCENT^MDC");

        // when
        Hl7MapResult result = mapper.map(decode(message));

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Mapped.class, mapped -> {
            assertThat(((PumpReport) mapped.reports().get(0)).programme().rateMlPerHour()).isNull();
            assertThat(mapped.warnings()).containsExactly(
                    "157784^MDC_FLOW_FLUID_PUMP left out: unit % is not a flow Vigil converts");
        });
    }

    @Test
    void convertsAFlowInMillilitresPerMinute() {
        // given
        String message = PcdExamples.load(PcdExamples.KETAMINE_PAUSED)
                .replace("157784^MDC_FLOW_FLUID_PUMP^MDC|1.1.2.3|60|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM",
                        "157784^MDC_FLOW_FLUID_PUMP^MDC|1.1.2.3|1|mL/min^mL/min^UCUM");

        // when
        PumpReport report = mapPump(message);

        // then
        assertThat(report.programme().rateMlPerHour()).isEqualTo(60.0);
    }

    private PumpReport mapPump(String message) {
        Hl7MapResult result = mapper.map(decode(message));
        assertThat(result).isInstanceOf(Hl7MapResult.Mapped.class);
        Hl7MapResult.Mapped mapped = (Hl7MapResult.Mapped) result;
        assertThat(mapped.reports()).singleElement().isInstanceOf(PumpReport.class);
        return (PumpReport) mapped.reports().get(0);
    }

    private Hl7DecodeResult.Decoded decode(String message) {
        Hl7DecodeResult decoded = decoder.decode(message);
        assertThat(decoded).isInstanceOf(Hl7DecodeResult.Decoded.class);
        return (Hl7DecodeResult.Decoded) decoded;
    }
}
