package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.simulator.pump.PumpHl7Reading.row;
import static org.vigil.simulator.pump.PumpHl7Reading.value;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.testsupport.Hl7Text;

class Pcd01PumpEncoderTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:12:00Z");
    private static final PumpIdentity PUMP = PumpIdentity.numbered(3);

    @Test
    void writesAPcd01PumpObservationWithTheIheHeader() {
        // when
        String message = Pcd01PumpEncoder.encode(PUMP, "sim-pump-03-x-7", AT, infusingFor12Minutes());

        // then
        assertThat(Hl7Text.field(message, "MSH", 9)).isEqualTo("ORU^R01^ORU_R01");
        assertThat(Hl7Text.field(message, "MSH", 10)).isEqualTo("sim-pump-03-x-7");
        assertThat(Hl7Text.field(message, "MSH", 12)).isEqualTo("2.6");
        assertThat(Hl7Text.field(message, "MSH", 21)).isEqualTo("IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO");
        assertThat(Hl7Text.field(message, "MSH", 3)).isEqualTo("VIGIL_SIM^0012210000000003^EUI-64");
        assertThat(Hl7Text.field(message, "PV1", 3)).isEqualTo("chair-3");
        assertThat(Hl7Text.field(message, "OBR", 7)).isEqualTo("20250301091200+0000");
        assertThat(message).endsWith("\r").doesNotContain("\n");
    }

    @Test
    void carriesRateVolumesDrugConcentrationDoseRateAndStatusWithMdcCodes() {
        // when
        String message = Pcd01PumpEncoder.encode(PUMP, "id", AT, infusingFor12Minutes());

        // then
        List<String> rate = row(message, "157784^");
        assertThat(rate.get(2)).isEqualTo("NM");
        assertThat(rate.get(3)).isEqualTo("157784^MDC_FLOW_FLUID_PUMP^MDC");
        assertThat(rate.get(5)).isEqualTo("52.5");
        assertThat(rate.get(6)).startsWith("265266^MDC_DIM_MILLI_L_PER_HR^MDC");
        assertThat(rate.get(14)).isEqualTo("20250301091200+0000");
        assertThat(value(message, "157884^MDC_VOL_FLUID_TBI^")).isEqualTo("35");
        assertThat(value(message, "157864^MDC_VOL_FLUID_DELIV^")).isEqualTo("10.50");
        assertThat(value(message, "157993^MDC_VOL_FLUID_DELIV_TOTAL^")).isEqualTo("10.50");
        assertThat(value(message, "157872^MDC_VOL_FLUID_TBI_REMAIN^")).isEqualTo("24.50");
        assertThat(value(message, "157916^MDC_TIME_PD_REMAIN^")).isEqualTo("28");
        assertThat(value(message, "184514^MDC_DRUG_NAME_LABEL^")).isEqualTo("KETAMINE");
        assertThat(value(message, "157760^MDC_CONC_DRUG^")).isEqualTo("1");
        assertThat(row(message, "157760^").get(6)).startsWith("264306^MDC_DIM_MILLI_G_PER_ML^MDC");
        assertThat(value(message, "157924^MDC_RATE_DOSE^")).isEqualTo("0.75");
        assertThat(row(message, "157924^").get(6)).isEqualTo("^^^mg/kg/h^mg/kg/h^UCUM");
        assertThat(value(message, "184508^MDC_PUMP_STAT^")).isEqualTo("^pump-status-infusing");
    }

    @Test
    void placesEveryRowInThePumpsContainmentTree() {
        // when
        String message = Pcd01PumpEncoder.encode(PUMP, "id", AT, infusingFor12Minutes());

        // then
        assertThat(row(message, "69985^").get(4)).isEqualTo("1.0.0.0");
        assertThat(row(message, "69985^").get(18)).isEqualTo("sim-pump-03^^0012210000000003^EUI-64");
        assertThat(row(message, "69986^").get(4)).isEqualTo("1.1.0.0");
        assertThat(row(message, "126978^").get(4)).isEqualTo("1.1.1.0");
        assertThat(row(message, "157784^").get(4)).isEqualTo("1.1.1.3");
        List<String> setIds = Hl7Text.segments(message).stream().filter(s -> s.startsWith("OBX|"))
                .map(s -> Hl7Text.fields(s).get(1)).toList();
        assertThat(setIds).first().isEqualTo("1");
        assertThat(setIds).last().isEqualTo(String.valueOf(setIds.size()));
    }

    @Test
    void writesTheStatusOfAStoppedPumpAndLeavesOutTheTimeRemaining() {
        // given
        PumpModel pump = new PumpModel(PumpDose.ketamine(70, 1.0).programme());
        pump.start();
        pump.advanceTo(Duration.ofMinutes(12));
        pump.raise(PumpAlarmCode.OCCL_DOWN);

        // when
        String message = Pcd01PumpEncoder.encode(PUMP, "id", AT, pump.snapshot());

        // then
        assertThat(value(message, "184508^")).isEqualTo("^pump-status-stopped");
        assertThat(value(message, "184519^")).isEqualTo("^pump-status-not-infusing");
        assertThat(message).doesNotContain("157916^");
    }

    @Test
    void escapesDelimitersInTheDrugName() {
        // given
        PumpModel pump = new PumpModel(new Programme("A|B^C", 1, 10, 10, 0, "mg/h"));

        // when
        String message = Pcd01PumpEncoder.encode(PUMP, "id", AT, pump.snapshot());

        // then
        assertThat(value(message, "184514^")).isEqualTo("A\\F\\B\\S\\C");
    }

    static PumpSnapshot infusingFor12Minutes() {
        PumpModel pump = new PumpModel(PumpDose.ketamine(70, 1.0).programme());
        pump.start();
        pump.advanceTo(Duration.ofMinutes(12));
        return pump.snapshot();
    }
}
