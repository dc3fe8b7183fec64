package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.simulator.pump.PumpHl7Reading.row;
import static org.vigil.simulator.pump.PumpHl7Reading.value;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.simulator.testsupport.Hl7Text;

class Pcd04AlarmEncoderTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:12:00Z");
    private static final PumpIdentity PUMP = PumpIdentity.numbered(2);

    @Test
    void writesTheStartOfAnOcclusionAlarmAsAnOruR40() {
        // when
        String message = Pcd04AlarmEncoder.encode(PUMP, "a1", AT, PumpAlarmCode.OCCL_DOWN,
                Pcd04AlarmEncoder.Phase.START, "a1", null);

        // then
        assertThat(Hl7Text.field(message, "MSH", 9)).isEqualTo("ORU^R40^ORU_R40");
        assertThat(Hl7Text.field(message, "MSH", 21)).isEqualTo("IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.4.4.1^ISO");
        assertThat(Hl7Text.field(message, "OBR", 4)).isEqualTo("196616^MDC_EVT_ALARM^MDC");
        assertThat(Hl7Text.field(message, "OBR", 3)).isEqualTo("a1^VIGIL_SIM^0012210000000002^EUI-64");
        List<String> alarm = row(message, "196616^MDC_EVT_ALARM^MDC");
        assertThat(alarm.get(4)).isEqualTo("1.0.0.0.1");
        assertThat(alarm.get(5)).isEqualTo("196940^MDC_EVT_FLUID_LINE_OCCL^MDC^^^^^^Downstream occlusion");
        assertThat(alarm.get(8)).isEqualTo("PH~ST");
        assertThat(value(message, "68480^")).isEqualTo("69985^MDC_DEV_PUMP_INFUS_MDS^MDC");
        assertThat(value(message, "68481^MDC_ATTR_EVENT_PHASE")).isEqualTo("start");
        assertThat(value(message, "68482^MDC_ATTR_ALARM_STATE")).isEqualTo("active");
        assertThat(value(message, "68483^MDC_ATTR_ALARM_INACTIVATION_STATE")).isEqualTo("enabled");
        assertThat(value(message, "68484^MDC_ATTR_ALARM_PRIORITY")).isEqualTo("PH");
        assertThat(value(message, "68485^MDC_ATTR_ALERT_TYPE")).isEqualTo("ST");
    }

    @Test
    void pointsTheEndOfAnAlarmBackAtItsStart() {
        // when
        String message = Pcd04AlarmEncoder.encode(PUMP, "a9", AT, PumpAlarmCode.OCCL_DOWN,
                Pcd04AlarmEncoder.Phase.END, "a9", "a1");

        // then
        assertThat(value(message, "68481^")).isEqualTo("end");
        assertThat(value(message, "68482^")).isEqualTo("inactive");
        assertThat(Hl7Text.field(message, "OBR", 29)).isEqualTo("^a1&VIGIL_SIM&0012210000000002&EUI-64");
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
            "OCCL_DOWN, PH, 196940^MDC_EVT_FLUID_LINE_OCCL^MDC",
            "OCCL_UP, PH, 0^MDC_EVT_FLUID_LINE_OCCL_PROXIMAL^MDC",
            "AIR, PH, 0^MDC_EVT_FLUID_LINE_AIR^MDC",
            "DOOR, PH, 0^MDC_EVT_DOOR_POSN_ERR^MDC",
            "COMPLETE, PM, 0^MDC_EVT_VOL_INFUS_COMP^MDC",
            "BATT_LOW, PL, 196802^MDC_EVT_BATT_LO^MDC"})
    void namesEveryPumpAlarmWithItsPriority(PumpAlarmCode code, String priority, String event) {
        // when
        String message = Pcd04AlarmEncoder.encode(PUMP, "a", AT, code, Pcd04AlarmEncoder.Phase.START, "a", null);

        // then
        assertThat(value(message, "196616^")).startsWith(event + "^");
        assertThat(value(message, "68484^")).isEqualTo(priority);
    }
}
