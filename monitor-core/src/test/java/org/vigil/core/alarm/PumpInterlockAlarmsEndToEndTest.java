package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.FailPumpPauseCommand;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.RequestPumpPauseCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;

/** The technical alarm "pump did not pause", decided in the subscribing processor as the application wires it. */
class PumpInterlockAlarmsEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:52:10Z");
    private static final SessionId SESSION = new SessionId("session-interlock");
    private static final ChairId CHAIR = new ChairId("chair-1");
    private static final DeviceId PUMP = new DeviceId("pump-1");

    private final AxonTestClinic clinic = new AxonTestClinic(SESSION);

    @AfterEach
    void shutDown() {
        clinic.shutDown();
    }

    @Test
    void aFailedPauseRaisesTheHighTechnicalAlarmThatClearsWhenThePumpIsSeenStopped() {
        // given
        CommandGateway gateway = clinic.start(false, c -> new PumpInterlockAlarms(c.commandGateway()))
                .commandGateway();
        gateway.sendAndWait(new StartSessionCommand(SESSION, CHAIR, "P-0011", 70.0, 44, Treatment.IV_KETAMINE,
                new BaselineVitals(122, 76, 72, 98), ClinicProtocol.loadDefault().ref(), NOW.minusSeconds(600)));
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report("1", PumpStatus.INFUSING, NOW)));
        gateway.sendAndWait(new RequestPumpPauseCommand(SESSION, PUMP, AlarmId.random(), "severe-hypertension",
                NOW));

        // when
        gateway.sendAndWait(new FailPumpPauseCommand(SESSION, PUMP, "no pause shown within 10 s",
                NOW.plusSeconds(10)));

        // then
        List<AlarmRaisedEvent> raised = clinic.raised(PumpInterlockAlarms.RULE);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).priority()).isEqualTo(AlarmPriority.HIGH);
        assertThat(raised.get(0).kind()).isEqualTo(AlarmKind.TECHNICAL);
        assertThat(raised.get(0).message()).isEqualTo("pump-1 did not pause: no pause shown within 10 s");

        // when a nurse stops the pump by hand
        gateway.sendAndWait(new RecordPumpReportCommand(SESSION, report("2", PumpStatus.STOPPED,
                NOW.plusSeconds(30))));

        // then
        assertThat(clinic.stored(AlarmClearedEvent.class)).extracting(AlarmClearedEvent::alarmId)
                .containsExactly(raised.get(0).alarmId());
    }

    private static PumpReport report(String id, PumpStatus status, Instant at) {
        return new PumpReport(PUMP, new MessageKey("pump-1", id), at, at, status, null, null, null, null, List.of());
    }
}
