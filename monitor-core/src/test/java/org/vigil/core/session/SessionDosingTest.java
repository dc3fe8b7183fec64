package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.PUMP;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.started;
import static org.vigil.core.session.WorkflowTestData.DOSE_AT;
import static org.vigil.core.session.WorkflowTestData.GATE_AT;
import static org.vigil.core.session.WorkflowTestData.INFUSION_END_AT;
import static org.vigil.core.session.WorkflowTestData.IV_OBSERVE_UNTIL;
import static org.vigil.core.session.WorkflowTestData.checkedIn;
import static org.vigil.core.session.WorkflowTestData.concat;
import static org.vigil.core.session.WorkflowTestData.device;
import static org.vigil.core.session.WorkflowTestData.dosingStarted;
import static org.vigil.core.session.WorkflowTestData.gateHeld;
import static org.vigil.core.session.WorkflowTestData.gatePassed;
import static org.vigil.core.session.WorkflowTestData.ivAtGatePassed;
import static org.vigil.core.session.WorkflowTestData.ivDosing;
import static org.vigil.core.session.WorkflowTestData.preAssessed;
import static org.vigil.core.session.WorkflowTestData.pumpAt;
import static org.vigil.core.session.WorkflowTestData.startedEsketamine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.api.AdministerEsketamineDeviceCommand;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.StartDosingCommand;
import org.vigil.core.api.StartObservationCommand;
import org.vigil.core.api.Treatment;

/** Dosing and the start of observation: IV infusions and esketamine devices (docs/DOMAIN.md, "Session lifecycle"). */
class SessionDosingTest {

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void startsTheInfusionAfterTheGatePassed() {
        // when / then
        fixture.given(ivAtGatePassed())
                .when(new StartDosingCommand(SESSION, "nurse", DOSE_AT))
                .expectEvents(dosingStarted(Treatment.IV_KETAMINE));
    }

    @Test
    void refusesToStartTheInfusionWhileTheGateHolds() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gateHeld())
                .when(new StartDosingCommand(SESSION, "nurse", DOSE_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in GATE (on hold: SBP 152 mmHg is above 140): cannot "
                        + "start the infusion; allowed next: evaluate the pre-dose gate, override the gate hold "
                        + "(provider, with a reason), defer the session, escalate to a provider, transfer to "
                        + "emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void startsTheInfusionOnceAProviderOverrodeTheHold() {
        // given
        var overridden = new GateHoldOverriddenEvent(SESSION, CHAIR, List.of("SBP 152 mmHg is above 140"),
                "white coat", "director", GATE_AT.plusSeconds(60));

        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gateHeld(), overridden)
                .when(new StartDosingCommand(SESSION, "nurse", DOSE_AT))
                .expectEvents(dosingStarted(Treatment.IV_KETAMINE));
    }

    @Test
    void refusesToStartDosingTwice() {
        // when / then
        fixture.given(ivDosing())
                .when(new StartDosingCommand(SESSION, "nurse", DOSE_AT.plusSeconds(60)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in DOSING: cannot start the infusion; allowed next: "
                        + "start observation, escalate to a provider, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void thePumpInfusingAfterTheGatePassedStartsDosing() {
        // given
        PumpReport idle = pumpAt("P-1", PumpStatus.IDLE, DOSE_AT.minusSeconds(30));
        PumpReport infusing = pumpAt("P-2", PumpStatus.INFUSING, DOSE_AT);

        // when / then
        fixture.given(ivAtGatePassed())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, idle))
                .when(new RecordPumpReportCommand(SESSION, infusing))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, infusing),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.IDLE, PumpStatus.INFUSING, DOSE_AT,
                                DOSE_AT),
                        new DosingStartedEvent(SESSION, CHAIR, Treatment.IV_KETAMINE, null, PUMP, DOSE_AT));
    }

    @Test
    void thePumpInfusingBeforeTheGateStartsNoDosing() {
        // given
        PumpReport idle = pumpAt("P-1", PumpStatus.IDLE, DOSE_AT.minusSeconds(30));
        PumpReport infusing = pumpAt("P-2", PumpStatus.INFUSING, DOSE_AT);

        // when / then
        fixture.given(started(), checkedIn(), preAssessed())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, idle))
                .when(new RecordPumpReportCommand(SESSION, infusing))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, infusing),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.IDLE, PumpStatus.INFUSING, DOSE_AT,
                                DOSE_AT));
    }

    @Test
    void thePumpCompletingStartsObservation() {
        // given
        PumpReport infusing = pumpAt("P-1", PumpStatus.INFUSING, DOSE_AT);
        PumpReport complete = pumpAt("P-2", PumpStatus.COMPLETE, INFUSION_END_AT);

        // when / then
        fixture.given(ivAtGatePassed())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, infusing))
                .when(new RecordPumpReportCommand(SESSION, complete))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, complete),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.INFUSING, PumpStatus.COMPLETE,
                                INFUSION_END_AT, INFUSION_END_AT),
                        new ObservationStartedEvent(SESSION, CHAIR, INFUSION_END_AT, IV_OBSERVE_UNTIL, null, PUMP,
                                INFUSION_END_AT));
    }

    @Test
    void aPumpStoppedByAnAlarmDoesNotEndDosing() {
        // given
        PumpReport infusing = pumpAt("P-1", PumpStatus.INFUSING, DOSE_AT);
        PumpReport stopped = pumpAt("P-2", PumpStatus.STOPPED, INFUSION_END_AT);

        // when / then
        fixture.given(ivAtGatePassed())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, infusing))
                .when(new RecordPumpReportCommand(SESSION, stopped))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, stopped),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.INFUSING, PumpStatus.STOPPED,
                                INFUSION_END_AT, INFUSION_END_AT));
    }

    @Test
    void theNurseEndsTheInfusionAndObservationRunsAnHourFromThen() {
        // when / then
        fixture.given(ivDosing())
                .when(new StartObservationCommand(SESSION, "nurse", INFUSION_END_AT))
                .expectEvents(new ObservationStartedEvent(SESSION, CHAIR, INFUSION_END_AT, IV_OBSERVE_UNTIL, "nurse",
                        null, INFUSION_END_AT));
    }

    @Test
    void refusesAnInfusionEndBeforeItsStart() {
        // when / then
        fixture.given(ivDosing())
                .when(new StartObservationCommand(SESSION, "nurse", DOSE_AT.minusSeconds(1)))
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot start observation in session session-1: dosing cannot end at "
                        + "2026-03-02T09:14:59Z, before it last went on at 2026-03-02T09:15:00Z")
                .expectNoEvents();
    }

    @Test
    void refusesObservationBeforeDosing() {
        // when / then
        fixture.given(ivAtGatePassed())
                .when(new StartObservationCommand(SESSION, "nurse", INFUSION_END_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in GATE (passed): cannot start observation; allowed "
                        + "next: evaluate the pre-dose gate, start the infusion, defer the session, escalate to a "
                        + "provider, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void theFirstEsketamineDeviceStartsDosing() {
        // when / then
        fixture.given(startedEsketamine(), checkedIn(), preAssessed(), gatePassed())
                .when(new AdministerEsketamineDeviceCommand(SESSION, "nurse", DOSE_AT))
                .expectEvents(dosingStarted(Treatment.ESKETAMINE), device(1, DOSE_AT));
    }

    @Test
    void refusesToStartAnInfusionForEsketamine() {
        // when / then
        fixture.given(startedEsketamine(), checkedIn(), preAssessed(), gatePassed())
                .when(new StartDosingCommand(SESSION, "nurse", DOSE_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in GATE (passed): cannot start the infusion; allowed "
                        + "next: evaluate the pre-dose gate, record an esketamine device, defer the session, escalate "
                        + "to a provider, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void refusesAnEsketamineDeviceInAnIvSession() {
        // when / then
        fixture.given(ivAtGatePassed())
                .when(new AdministerEsketamineDeviceCommand(SESSION, "nurse", DOSE_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "device 2 {0} s after device 1: accepted {1}")
    @CsvSource({
            "299, false",
            "300, true",
            "301, true"})
    void keepsEsketamineDevicesFiveMinutesApart(long secondsAfter, boolean accepted) {
        // given
        Instant second = DOSE_AT.plusSeconds(secondsAfter);
        var command = new AdministerEsketamineDeviceCommand(SESSION, "nurse", second);
        var given = fixture.given(startedEsketamine(), checkedIn(), preAssessed(), gatePassed(),
                dosingStarted(Treatment.ESKETAMINE), device(1, DOSE_AT));

        // when / then
        if (accepted) {
            given.when(command).expectEvents(device(2, second));
        } else {
            given.when(command)
                    .expectException(WorkflowStepRefusedException.class)
                    .expectExceptionMessage("session session-1: esketamine device 2 at 2026-03-02T09:19:59Z would be "
                            + "4 min 59 s after device 1 (given at 2026-03-02T09:15:00Z): devices must be at least "
                            + "5 min apart, the earliest is 2026-03-02T09:20:00Z")
                    .expectNoEvents();
        }
    }

    @Test
    void refusesAFourthEsketamineDevice() {
        // given
        Instant fourth = DOSE_AT.plus(Duration.ofMinutes(15));

        // when / then
        fixture.given(startedEsketamine(), checkedIn(), preAssessed(), gatePassed(),
                        dosingStarted(Treatment.ESKETAMINE), device(1, DOSE_AT), device(2, DOSE_AT.plusSeconds(300)),
                        device(3, DOSE_AT.plusSeconds(600)))
                .when(new AdministerEsketamineDeviceCommand(SESSION, "nurse", fourth))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in DOSING (3 of 3 esketamine devices given): cannot "
                        + "record an esketamine device; allowed next: start observation, escalate to a provider, "
                        + "transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void esketamineObservationRunsTwoHoursFromTheFirstDevice() {
        // given
        Instant lastDevice = DOSE_AT.plusSeconds(300);

        // when / then
        fixture.given(concat(List.of(startedEsketamine(), checkedIn(), preAssessed(), gatePassed()),
                        dosingStarted(Treatment.ESKETAMINE), device(1, DOSE_AT), device(2, lastDevice)))
                .when(new StartObservationCommand(SESSION, "nurse", lastDevice.plusSeconds(60)))
                .expectEvents(new ObservationStartedEvent(SESSION, CHAIR, lastDevice.plusSeconds(60),
                        DOSE_AT.plus(Duration.ofHours(2)), "nurse", null, lastDevice.plusSeconds(60)));
    }
}
