package org.vigil.simulator.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.testsupport.Hl7Text;

class Pcd01EncoderTest {

    private static final MonitorIdentity MONITOR =
            new MonitorIdentity("sim-monitor-01", "025649FFFE123456", "chair-1", "PSN-0000ABCD");
    private static final Instant OBSERVED = Instant.parse("2024-03-01T09:30:15Z");

    @Test
    void writesThePeriodicMessageSegmentBySegment() {
        // given
        List<Measurement> measurements = List.of(
                new Measurement(VitalSign.RESPIRATORY_RATE, 14),
                new Measurement(VitalSign.PULSE_RATE, 71),
                new Measurement(VitalSign.HEART_RATE, 72),
                new Measurement(VitalSign.SPO2, 97));

        // when
        String message = Pcd01Encoder.encode(MONITOR, "sim-monitor-01-abc-7", OBSERVED, measurements);

        // then
        String equipment = "sim-monitor-01^^025649FFFE123456^EUI-64";
        String time = "20240301093015+0000";
        assertThat(message).endsWith("\r").doesNotContain("\n");
        assertThat(Hl7Text.segments(message)).containsExactly(
                "MSH|^~\\&|VIGIL_SIM^025649FFFE123456^EUI-64|VIGIL|||" + time
                        + "||ORU^R01^ORU_R01|sim-monitor-01-abc-7|P|2.6|||AL|NE||UNICODE UTF-8|||"
                        + "IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO",
                "PID|||PSN-0000ABCD^^^VIGIL_SIM^PI",
                "PV1||O|chair-1",
                "OBR|1|sim-monitor-01-abc-7^VIGIL_SIM^025649FFFE123456^EUI-64"
                        + "|sim-monitor-01-abc-7^VIGIL_SIM^025649FFFE123456^EUI-64"
                        + "|182777000^monitoring of patient^SNOMED-CT|||" + time,
                "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X",
                "OBX|2||69798^MDC_DEV_ECG_VMD^MDC|1.1.0.0|||||||X",
                "OBX|3||69799^MDC_DEV_ECG_CHAN^MDC|1.1.1.0|||||||X",
                "OBX|4|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||"
                        + time + "||||" + equipment,
                "OBX|5||69642^MDC_DEV_ANALY_SAT_O2_VMD^MDC|1.2.0.0|||||||X",
                "OBX|6||69643^MDC_DEV_ANALY_SAT_O2_CHAN^MDC|1.2.1.0|||||||X",
                "OBX|7|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R|||"
                        + time + "||||" + equipment,
                "OBX|8|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.2|71|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||"
                        + time + "||||" + equipment,
                "OBX|9||69722^MDC_DEV_ANALY_RESP_RATE_VMD^MDC|1.3.0.0|||||||X",
                "OBX|10||69723^MDC_DEV_ANALY_RESP_RATE_CHAN^MDC|1.3.1.0|||||||X",
                "OBX|11|NM|151562^MDC_RESP_RATE^MDC|1.3.1.1|14|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||"
                        + time + "||||" + equipment);
    }

    @Test
    void putsEachFieldWherePcd01ExpectsIt() {
        // given
        List<Measurement> measurements = List.of(new Measurement(VitalSign.HEART_RATE, 72));

        // when
        String message = Pcd01Encoder.encode(MONITOR, "ctl-1", OBSERVED, measurements);

        // then
        assertThat(Hl7Text.field(message, "MSH", 3)).isEqualTo("VIGIL_SIM^025649FFFE123456^EUI-64");
        assertThat(Hl7Text.field(message, "MSH", 7)).isEqualTo("20240301093015+0000");
        assertThat(Hl7Text.field(message, "MSH", 9)).isEqualTo("ORU^R01^ORU_R01");
        assertThat(Hl7Text.field(message, "MSH", 10)).isEqualTo("ctl-1");
        assertThat(Hl7Text.field(message, "MSH", 11)).isEqualTo("P");
        assertThat(Hl7Text.field(message, "MSH", 12)).isEqualTo("2.6");
        assertThat(Hl7Text.field(message, "MSH", 21))
                .isEqualTo("IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO");
        assertThat(Hl7Text.field(message, "PV1", 3)).isEqualTo("chair-1");
        assertThat(Hl7Text.field(message, "OBR", 4)).isEqualTo("182777000^monitoring of patient^SNOMED-CT");
        assertThat(Hl7Text.field(message, "OBR", 7)).isEqualTo("20240301093015+0000");
        List<String> heartRate = Hl7Text.fields(Hl7Text.segments(message).get(7));
        assertThat(heartRate.get(2)).isEqualTo("NM");
        assertThat(heartRate.get(3)).isEqualTo("147842^MDC_ECG_HEART_RATE^MDC");
        assertThat(heartRate.get(4)).isEqualTo("1.1.1.1");
        assertThat(heartRate.get(5)).isEqualTo("72");
        assertThat(heartRate.get(6)).isEqualTo("264864^MDC_DIM_BEAT_PER_MIN^MDC");
        assertThat(heartRate.get(11)).isEqualTo("R");
        assertThat(heartRate.get(14)).isEqualTo("20240301093015+0000");
        assertThat(heartRate.get(18)).isEqualTo("sim-monitor-01^^025649FFFE123456^EUI-64");
        assertThat(heartRate).hasSize(19);
    }

    @Test
    void writesACuffReadingUnderTheNibpDevice() {
        // given
        List<Measurement> reading = List.of(
                new Measurement(VitalSign.NIBP_SYSTOLIC, 186),
                new Measurement(VitalSign.NIBP_DIASTOLIC, 112),
                new Measurement(VitalSign.NIBP_MEAN, 137),
                new Measurement(VitalSign.NIBP_PULSE_RATE, 96));

        // when
        String message = Pcd01Encoder.encode(MONITOR, "ctl-2", OBSERVED, reading);

        // then
        List<String> rows = Hl7Text.segments(message).subList(4, Hl7Text.segments(message).size());
        assertThat(rows).extracting(row -> Hl7Text.fields(row).get(3) + " " + Hl7Text.fields(row).get(4)
                + " " + Hl7Text.fields(row).get(5) + " " + Hl7Text.fields(row).get(6)).containsExactly(
                "69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC 1.0.0.0  ",
                "70686^MDC_DEV_PRESS_BLD_NONINV_VMD^MDC 1.4.0.0  ",
                "70687^MDC_DEV_PRESS_BLD_NONINV_CHAN^MDC 1.4.1.0  ",
                "150021^MDC_PRESS_BLD_NONINV_SYS^MDC 1.4.1.1 186 266016^MDC_DIM_MMHG^MDC",
                "150022^MDC_PRESS_BLD_NONINV_DIA^MDC 1.4.1.2 112 266016^MDC_DIM_MMHG^MDC",
                "150023^MDC_PRESS_BLD_NONINV_MEAN^MDC 1.4.1.3 137 266016^MDC_DIM_MMHG^MDC",
                "149546^MDC_PULS_RATE_NON_INV^MDC 1.4.1.4 96 264864^MDC_DIM_BEAT_PER_MIN^MDC");
    }

    @Test
    void escapesDelimitersInNames() {
        // given
        MonitorIdentity odd = new MonitorIdentity("bay|3^a", "025649FFFE123456", "chair&1", "PSN~1");

        // when
        String message = Pcd01Encoder.encode(odd, "ctl-3", OBSERVED, List.of(new Measurement(VitalSign.SPO2, 95)));

        // then
        assertThat(Hl7Text.field(message, "PV1", 3)).isEqualTo("chair\\T\\1");
        assertThat(Hl7Text.field(message, "PID", 3)).isEqualTo("PSN\\R\\1^^^VIGIL_SIM^PI");
        assertThat(Hl7Text.fields(Hl7Text.segments(message).get(7)).get(18))
                .isEqualTo("bay\\F\\3\\S\\a^^025649FFFE123456^EUI-64");
    }
}
