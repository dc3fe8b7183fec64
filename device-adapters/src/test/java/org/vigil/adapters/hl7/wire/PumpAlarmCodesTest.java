package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.PumpAlarmKind;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PumpAlarmCodesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "196940^MDC_EVT_FLUID_LINE_OCCL, OCCLUSION_DOWNSTREAM",
            "196940, OCCLUSION_DOWNSTREAM",
            "0^MDC_EVT_FLUID_LINE_OCCL_PROXIMAL, OCCLUSION_UPSTREAM",
            "0^MDC_EVT_FLUID_LINE_AIR, AIR_IN_LINE",
            "MDC_EVT_DOOR_POSN_ERR, DOOR_OPEN",
            "0^MDC_EVT_VOL_INFUS_COMP, INFUSION_COMPLETE",
            "0^MDC_EVT_BATT_LO, LOW_BATTERY",
            "0^MDC_EVT_BATT_DEPL, LOW_BATTERY",
            "196670^MDC_EVT_LO, -",
            "0^MDC_EVT_MALF, -",
            "'', -"})
    void namesThePumpAlarmOfAnAlarmCode(String alarmCode, PumpAlarmKind expected) {
        // when
        Optional<PumpAlarmKind> kind = PumpAlarmCodes.kindOf(alarmCode);

        // then
        assertThat(kind).isEqualTo(Optional.ofNullable(expected));
    }
}
