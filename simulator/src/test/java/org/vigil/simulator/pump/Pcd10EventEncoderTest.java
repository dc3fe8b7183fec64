package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.vigil.simulator.pump.PumpHl7Reading.row;
import static org.vigil.simulator.pump.PumpHl7Reading.value;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.testsupport.Hl7Text;

class Pcd10EventEncoderTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final PumpIdentity PUMP = PumpIdentity.numbered(1);

    @Test
    void writesADeliveryStartAsAnOruR42WithTheIpecProfile() {
        // given
        PumpEvent start = events(Duration.ZERO).get(0);

        // when
        String message = Pcd10EventEncoder.encode(PUMP, "e1", AT, start);

        // then
        assertThat(Hl7Text.field(message, "MSH", 9)).isEqualTo("ORU^R42^ORU_R01");
        assertThat(Hl7Text.field(message, "MSH", 21)).isEqualTo("IHE_PCD_010^IHE PCD^1.3.6.1.4.1.19376.1.6.4.10^ISO");
        List<String> condition = row(message, "0^MDC_ATTR_EVT_COND^MDC");
        assertThat(condition.get(4)).isEqualTo("1.0.0.1");
        assertThat(condition.get(5)).isEqualTo("197288^MDC_EVT_PUMP_DELIV_START^MDC");
        assertThat(value(message, "184508^")).isEqualTo("^pump-status-infusing");
        assertThat(value(message, "157784^")).isEqualTo("52.5");
        assertThat(value(message, "157864^")).isEqualTo("0.00");
    }

    @Test
    void writesCompletionAndKvoAsTheirOwnEvents() {
        // given
        List<PumpEvent> events = events(Duration.ofMinutes(45));

        // when
        String complete = Pcd10EventEncoder.encode(PUMP, "e2", AT, events.get(1));
        String kvo = Pcd10EventEncoder.encode(PUMP, "e3", AT, events.get(3));

        // then
        assertThat(value(complete, "0^MDC_ATTR_EVT_COND")).isEqualTo("197292^MDC_EVT_PUMP_DELIV_COMP^MDC");
        assertThat(value(complete, "157864^")).isEqualTo("35.00");
        assertThat(value(complete, "184508^")).isEqualTo("^pump-status-complete");
        assertThat(value(kvo, "0^MDC_ATTR_EVT_COND")).isEqualTo("197288^MDC_EVT_PUMP_DELIV_START^MDC");
        assertThat(value(kvo, "184508^")).isEqualTo("^pump-status-kvo");
    }

    @Test
    void givesTheReasonOfAStop() {
        // given
        PumpModel pump = new PumpModel(PumpDose.ketamine(70, 1.0).programme());
        pump.start();
        pump.advanceTo(Duration.ofMinutes(12));
        pump.raise(PumpAlarmCode.OCCL_DOWN);
        PumpEvent stop = pump.drainEvents().get(2);

        // when
        String message = Pcd10EventEncoder.encode(PUMP, "e4", AT, stop);

        // then
        assertThat(value(message, "0^MDC_ATTR_EVT_COND")).isEqualTo("0^MDC_EVT_PUMP_DELIV_STOP^MDC");
        assertThat(value(message, "0^MDC_DEV_PUMP_NOT_DELIVERING_REASON")).isEqualTo("^pump-stopped-alarming");
        assertThat(value(message, "184508^")).isEqualTo("^pump-status-stopped");
    }

    @Test
    void leavesAlarmsToPcd04() {
        // given
        PumpEvent alarm = events(Duration.ofMinutes(45)).get(2);

        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> Pcd10EventEncoder.encode(PUMP, "e5", AT, alarm));
    }

    private static List<PumpEvent> events(Duration until) {
        PumpModel pump = new PumpModel(PumpDose.ketamine(70, 1.0).programme());
        pump.start();
        pump.advanceTo(until);
        return pump.drainEvents();
    }
}
