package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PumpObservationMappingTest {

    private static final Instant NOW = Instant.parse("2024-03-05T09:25:31Z");

    private final PcdDecoder decoder = new PcdDecoder();
    private final PcdMapper mapper = new PcdMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsAnInfusingPumpToAPumpReportInsteadOfObservations() {
        // when
        List<DeviceReport> reports = map(PcdExamples.load(PcdExamples.KETAMINE_INFUSING));

        // then
        assertThat(reports).singleElement().isInstanceOfSatisfying(PumpReport.class, pump -> {
            assertThat(pump.status()).isEqualTo(PumpStatus.INFUSING);
            assertThat(pump.programme()).isEqualTo(new PumpProgramme("Ketamine", 1.0, 60.0, 40.0, 0.75, "mg/kg/h"));
            assertThat(pump.volumeInfusedMl()).isEqualTo(12.5);
            assertThat(pump.volumeRemainingMl()).isEqualTo(27.5);
            assertThat(pump.timeRemaining()).isEqualTo(Duration.ofSeconds(1650));
            assertThat(pump.deviceId()).isEqualTo(new DeviceId("LVP-0007"));
            assertThat(pump.messageKey()).isEqualTo(new MessageKey("PUMP_GW^00A0C9FFFE14E2B7^EUI-64|VIGIL CLINIC", "KET-0005"));
            assertThat(pump.deviceTime()).isEqualTo(Instant.parse("2024-03-05T09:25:30Z"));
            assertThat(pump.receivedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void readsTheProgrammeFromTheSourceChannelAndTheStatusFromThePumpStatusRow() {
        // when
        List<DeviceReport> reports = map(PcdExamples.load(PcdExamples.DOPAMINE_PAUSED_CHANNELS));

        // then
        assertThat(reports).singleElement().isInstanceOfSatisfying(PumpReport.class, pump -> {
            assertThat(pump.status()).isEqualTo(PumpStatus.PAUSED);
            assertThat(pump.programme()).isEqualTo(new PumpProgramme("Dopamine", 1.6, 24.9, 250.0, 7.0, "ug/kg/min"));
            assertThat(pump.volumeInfusedMl()).isEqualTo(25.6);
            assertThat(pump.volumeRemainingMl()).isEqualTo(224.4);
            assertThat(pump.timeRemaining()).isNull();
            assertThat(pump.deviceId()).isEqualTo(new DeviceId("ACDE48234567ABCD"));
        });
    }

    @Test
    void splitsAGatewayMessageByMdsIntoObservationsAndAPumpReport() {
        // when
        List<DeviceReport> reports = map(PcdExamples.load(PcdExamples.MONITOR_AND_PUMP));

        // then
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).isInstanceOfSatisfying(DeviceObservations.class, monitor -> {
            assertThat(monitor.deviceId()).isEqualTo(new DeviceId("0050C2FFFE1D0101"));
            assertThat(monitor.messageKey()).isEqualTo(new MessageKey("CHAIR_GW^0050C2FFFE1D0003^EUI-64|VIGIL CLINIC", "CHAIR3-7781"));
            assertThat(monitor.observations()).extracting(Observation::mdcCode, Observation::value)
                    .containsExactly(tuple(150021, 138.0), tuple(150022, 84.0), tuple(147842, 77.0));
        });
        assertThat(reports.get(1)).isInstanceOfSatisfying(PumpReport.class, pump -> {
            assertThat(pump.deviceId()).isEqualTo(new DeviceId("0050C2FFFE1D0202"));
            assertThat(pump.messageKey()).isEqualTo(new MessageKey("CHAIR_GW^0050C2FFFE1D0003^EUI-64|VIGIL CLINIC", "CHAIR3-7781/2"));
            assertThat(pump.status()).isEqualTo(PumpStatus.INFUSING);
            assertThat(pump.programme()).isEqualTo(new PumpProgramme("Ketamine", null, 60.0, 40.0, null, null));
            assertThat(pump.volumeInfusedMl()).isEqualTo(12.5);
        });
    }

    @Test
    void listsThePumpsActiveAlarmConditionsAndAHighOneStopsTheInfusion() {
        // given
        String message = PcdExamples.load(PcdExamples.DOPAMINE_PAUSED_CHANNELS)
                + "OBX|15|CWE|68012^MDC_ATTR_AL_COND^MDC|1.1.1.4|196940^MDC_EVT_FLUID_LINE_OCCL^MDC^^^^^^Downstream occlusion|||PH~ST|||R\r"
                + "OBX|16|CWE|68012^MDC_ATTR_AL_COND^MDC|1.1.1.5|0^MDC_EVT_BATT_LO^MDC|||PL~ST|||R\r";

        // when
        List<DeviceReport> reports = map(message);

        // then
        assertThat(((PumpReport) reports.get(0)).alarms()).containsExactly(
                new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH, "Downstream occlusion", true),
                new PumpAlarm(PumpAlarmKind.LOW_BATTERY, AlarmPriority.LOW, "MDC_EVT_BATT_LO", false));
    }

    @Test
    void readsAPumpIdentifiedOnlyByItsMetricsAsAPump() {
        // given
        String message = "MSH|^~\\&|PUMP_GW|ICU|||20240305102530+0100||ORU^R01^ORU_R01|P-1|P|2.6\r"
                + "OBR|1|||0^MDC_DEV_PUMP_INFUS_MDS^MDC|||20240305102530+0100\r"
                + "OBX|1|NM|157784^MDC_FLOW_FLUID_PUMP^MDC|1.1.1.1|60|265266^MDC_DIM_MILLI_L_PER_HR^MDC|||||R\r"
                + "OBX|2|NM|157864^MDC_VOL_FLUID_DELIV^MDC|1.1.1.2|3.5|263762^MDC_DIM_MILLI_L^MDC|||||R\r";

        // when
        List<DeviceReport> reports = map(message);

        // then
        assertThat(reports).singleElement().isInstanceOfSatisfying(PumpReport.class, pump -> {
            assertThat(pump.programme().rateMlPerHour()).isEqualTo(60.0);
            assertThat(pump.volumeInfusedMl()).isEqualTo(3.5);
            assertThat(pump.status()).isNull();
            assertThat(pump.deviceId()).isEqualTo(new DeviceId("PUMP_GW"));
        });
    }

    @Test
    void failsWithAReasonWhenAPumpReportsNothingVigilReads() {
        // given
        String message = "MSH|^~\\&|PUMP_GW|ICU|||20240305102530+0100||ORU^R01^ORU_R01|P-2|P|2.6\r"
                + "OBR|1|||0^MDC_DEV_PUMP_INFUS_MDS^MDC|||20240305102530+0100\r"
                + "OBX|1||69985^MDC_DEV_PUMP_INFUS_MDS^MDC|1.0.0.0|||||||X\r"
                + "OBX|2|ST|184517^MDC_PUMP_DRUG_LIBRARY_VERSION^MDC|1.0.0.1|DL1||||||R\r";

        // when
        Hl7MapResult result = mapper.map(decode(message));

        // then
        assertThat(result).isInstanceOfSatisfying(Hl7MapResult.Failed.class, failed -> {
            assertThat(failed.failure().ack()).isEqualTo(AckCode.AE);
            assertThat(failed.failure().reason())
                    .isEqualTo("no pump status, programme or volume among the 2 OBX segments of the infusion pump");
        });
    }

    private List<DeviceReport> map(String message) {
        Hl7MapResult result = mapper.map(decode(message));
        assertThat(result).isInstanceOf(Hl7MapResult.Mapped.class);
        return ((Hl7MapResult.Mapped) result).reports();
    }

    private Hl7DecodeResult.Decoded decode(String message) {
        Hl7DecodeResult decoded = decoder.decode(message);
        assertThat(decoded).isInstanceOf(Hl7DecodeResult.Decoded.class);
        return (Hl7DecodeResult.Decoded) decoded;
    }
}
