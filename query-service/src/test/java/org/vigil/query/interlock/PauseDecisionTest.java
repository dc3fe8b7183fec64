package org.vigil.query.interlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.SessionId;
import org.vigil.core.protocol.PumpInterlock;
import org.vigil.query.interlock.PauseDecision.ChairPump;

/** Which pumps an alarm pauses: only selected HIGH alarms, only infusing pumps Vigil may command. */
class PauseDecisionTest {

    private static final PumpInterlock HYPERTENSION_ONLY = new PumpInterlock(Set.of("severe-hypertension"),
            Set.of("pump-ascii"), Duration.ofSeconds(10));
    private static final DeviceId SERIAL_PUMP = new DeviceId("pump-3");
    private static final DeviceId GATEWAY_PUMP = new DeviceId("pump-3b");

    @Test
    void aSelectedHighAlarmPausesTheInfusingCommandablePump() {
        // given
        List<ChairPump> pumps = List.of(new ChairPump(SERIAL_PUMP, "pump-ascii", PumpStatus.INFUSING),
                new ChairPump(GATEWAY_PUMP, "hl7-mllp", PumpStatus.INFUSING));

        // when
        List<DeviceId> paused = PauseDecision.pumpsToPause(HYPERTENSION_ONLY,
                alarm("severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL), pumps);

        // then
        assertThat(paused).containsExactly(SERIAL_PUMP);
    }

    @Test
    void aPumpThatIsNotInfusingIsLeftAsItIs() {
        for (PumpStatus status : new PumpStatus[] {PumpStatus.PAUSED, PumpStatus.STOPPED, PumpStatus.KVO,
                PumpStatus.COMPLETE, PumpStatus.IDLE, null}) {
            assertThat(PauseDecision.pumpsToPause(HYPERTENSION_ONLY,
                    alarm("severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL),
                    List.of(new ChairPump(SERIAL_PUMP, "pump-ascii", status)))).as("pump %s", status).isEmpty();
        }
    }

    @Test
    void otherRulesPrioritiesAndTechnicalAlarmsPauseNothing() {
        // given
        List<ChairPump> pumps = List.of(new ChairPump(SERIAL_PUMP, "pump-ascii", PumpStatus.INFUSING));

        // then
        assertThat(PauseDecision.pumpsToPause(HYPERTENSION_ONLY,
                alarm("desaturation", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL), pumps)).as("not selected")
                .isEmpty();
        assertThat(PauseDecision.pumpsToPause(HYPERTENSION_ONLY,
                alarm("severe-hypertension", AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL), pumps)).as("medium")
                .isEmpty();
        assertThat(PauseDecision.pumpsToPause(HYPERTENSION_ONLY,
                alarm("severe-hypertension", AlarmPriority.HIGH, AlarmKind.TECHNICAL), pumps)).as("technical")
                .isEmpty();
    }

    @Test
    void theInterlockOffPausesNothing() {
        assertThat(PauseDecision.pumpsToPause(PumpInterlock.off(),
                alarm("severe-hypertension", AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL),
                List.of(new ChairPump(SERIAL_PUMP, "pump-ascii", PumpStatus.INFUSING)))).isEmpty();
    }

    private static AlarmRaisedEvent alarm(String rule, AlarmPriority priority, AlarmKind kind) {
        Instant at = Instant.parse("2026-03-02T09:52:10Z");
        return new AlarmRaisedEvent(AlarmId.random(), new SessionId("s-1"), new ChairId("chair-3"), rule, priority,
                kind, "SBP 192 mmHg", 192.0, at, at);
    }
}
