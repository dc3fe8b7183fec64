package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.PUMP;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.started;
import static org.vigil.core.session.WorkflowTestData.DOSE_AT;
import static org.vigil.core.session.WorkflowTestData.INFUSION_END_AT;
import static org.vigil.core.session.WorkflowTestData.IV_OBSERVE_UNTIL;
import static org.vigil.core.session.WorkflowTestData.assessedUnmet;
import static org.vigil.core.session.WorkflowTestData.checkedIn;
import static org.vigil.core.session.WorkflowTestData.concat;
import static org.vigil.core.session.WorkflowTestData.gateHeld;
import static org.vigil.core.session.WorkflowTestData.ivAtGatePassed;
import static org.vigil.core.session.WorkflowTestData.ivDischarged;
import static org.vigil.core.session.WorkflowTestData.ivDosing;
import static org.vigil.core.session.WorkflowTestData.ivObserving;
import static org.vigil.core.session.WorkflowTestData.preAssessed;
import static org.vigil.core.session.WorkflowTestData.pumpAt;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.DeferSessionCommand;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.EscalateSessionCommand;
import org.vigil.core.api.EscalationResolvedEvent;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.ResolveEscalationCommand;
import org.vigil.core.api.SessionDeferredEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionEscalatedEvent;
import org.vigil.core.api.SessionNoteAddedEvent;
import org.vigil.core.api.SessionState;
import org.vigil.core.api.SessionTransferredEvent;
import org.vigil.core.api.StartDosingCommand;
import org.vigil.core.api.TransferSessionCommand;

/** Escalation and transfer from any active state; deferral at the gate; notes at any time. */
class SessionEscalationTest {

    private static final Instant AT = T0.plusSeconds(5 * 3600);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    static Stream<Arguments> activeStates() {
        return Stream.of(
                Arguments.of(SessionState.CHECKED_IN, List.of(started(), checkedIn())),
                Arguments.of(SessionState.PRE_ASSESSMENT, List.of(started(), checkedIn(), preAssessed())),
                Arguments.of(SessionState.GATE, ivAtGatePassed()),
                Arguments.of(SessionState.DOSING, ivDosing()),
                Arguments.of(SessionState.OBSERVATION, ivObserving()),
                Arguments.of(SessionState.DISCHARGE_ASSESSMENT,
                        concat(ivObserving(), assessedUnmet(IV_OBSERVE_UNTIL.plusSeconds(60)))));
    }

    @ParameterizedTest(name = "from {0}")
    @MethodSource("activeStates")
    void escalatesFromEveryActiveState(SessionState state, List<Object> history) {
        // when / then
        fixture.given(history)
                .when(new EscalateSessionCommand(SESSION, "patient agitated", "nurse", AT))
                .expectEvents(new SessionEscalatedEvent(SESSION, CHAIR, state, "patient agitated", "nurse", AT));
    }

    @ParameterizedTest(name = "from {0}")
    @MethodSource("activeStates")
    void transfersFromEveryActiveStateAndFreesTheChair(SessionState state, List<Object> history) {
        // when / then
        fixture.given(history)
                .when(new TransferSessionCommand(SESSION, "chest pain", "director", AT))
                .expectEvents(new SessionTransferredEvent(SESSION, CHAIR, state, "chest pain", "director", AT),
                        new SessionEndedEvent(SESSION, CHAIR, "transferred", AT));
    }

    @Test
    void refusesToEscalateAScheduledSession() {
        // when / then
        fixture.given(started())
                .when(new EscalateSessionCommand(SESSION, "not here yet", "nurse", AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in SCHEDULED: cannot escalate to a provider; allowed "
                        + "next: check the patient in, add a note")
                .expectNoEvents();
    }

    @Test
    void refusesAnEscalationWithoutAReason() {
        // when / then
        fixture.given(ivDosing())
                .when(new EscalateSessionCommand(SESSION, null, "nurse", AT))
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot escalate to a provider in session session-1: a reason is required")
                .expectNoEvents();
    }

    @Test
    void refusesToTransferADischargedPatient() {
        // when / then
        fixture.given(ivDischarged())
                .when(new TransferSessionCommand(SESSION, "too late", "nurse", AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in DISCHARGED: cannot transfer to emergency care; "
                        + "allowed next: document the session, add a note")
                .expectNoEvents();
    }

    @Test
    void resolvingAnEscalationResumesWhereTheSessionWas() {
        // given
        var escalated = new SessionEscalatedEvent(SESSION, CHAIR, SessionState.DOSING, "agitated", "nurse", AT);

        // when / then
        fixture.given(concat(ivDosing(), escalated))
                .when(new ResolveEscalationCommand(SESSION, "settled with reassurance", "director", AT.plusSeconds(600)))
                .expectEvents(new EscalationResolvedEvent(SESSION, CHAIR, SessionState.DOSING,
                        "settled with reassurance", "director", AT.plusSeconds(600)));
    }

    @Test
    void theInfusionEndingDuringAnEscalationResumesInObservation() {
        // given
        var escalated = new SessionEscalatedEvent(SESSION, CHAIR, SessionState.DOSING, "agitated", "nurse",
                DOSE_AT.plusSeconds(600));
        var resolve = new ResolveEscalationCommand(SESSION, null, "director", INFUSION_END_AT.plusSeconds(60));

        // when / then
        fixture.given(ivAtGatePassed())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, pumpAt("P-1", PumpStatus.INFUSING, DOSE_AT)))
                .andGiven(escalated)
                .andGivenCommands(new RecordPumpReportCommand(SESSION,
                        pumpAt("P-2", PumpStatus.COMPLETE, INFUSION_END_AT)))
                .when(resolve)
                .expectEvents(new EscalationResolvedEvent(SESSION, CHAIR, SessionState.OBSERVATION, null, "director",
                        INFUSION_END_AT.plusSeconds(60)));
    }

    @Test
    void refusesToStartDosingWhileEscalated() {
        // given
        var escalated = new SessionEscalatedEvent(SESSION, CHAIR, SessionState.GATE, "dizzy", "nurse", AT);

        // when / then
        fixture.given(concat(ivAtGatePassed(), escalated))
                .when(new StartDosingCommand(SESSION, "nurse", AT.plusSeconds(60)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in ESCALATED (from GATE): cannot start the infusion; "
                        + "allowed next: resolve the escalation, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void refusesToResolveWithoutAnEscalation() {
        // when / then
        fixture.given(ivObserving())
                .when(new ResolveEscalationCommand(SESSION, null, "director", AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void defersAtTheGateAndFreesTheChair() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gateHeld())
                .when(new DeferSessionCommand(SESSION, "BP stays high after rest", "nurse", AT))
                .expectEvents(new SessionDeferredEvent(SESSION, CHAIR, "BP stays high after rest", "nurse", AT),
                        new SessionEndedEvent(SESSION, CHAIR, "deferred", AT));
    }

    @Test
    void refusesToDeferOnceDosingStarted() {
        // when / then
        fixture.given(ivDosing())
                .when(new DeferSessionCommand(SESSION, "changed mind", "nurse", AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in DOSING: cannot defer the session; allowed next: "
                        + "start observation, escalate to a provider, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void addsANoteEvenAfterDischarge() {
        // when / then
        fixture.given(ivDischarged())
                .when(new AddSessionNoteCommand(SESSION, " called the next day: well ", "nurse", AT))
                .expectEvents(new SessionNoteAddedEvent(SESSION, CHAIR, "called the next day: well", "nurse", AT));
    }

    @Test
    void refusesABlankNote() {
        // when / then
        fixture.given(ivDosing())
                .when(new AddSessionNoteCommand(SESSION, "", "nurse", AT))
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot add a note in session session-1: a note needs text")
                .expectNoEvents();
    }

    @Test
    void aSessionEndedOutsideTheWorkflowTakesOnlyNotes() {
        // when / then
        fixture.given(ivDosing())
                .andGivenCommands(new EndSessionCommand(SESSION, "monitoring stopped", AT))
                .when(new EscalateSessionCommand(SESSION, "late", "nurse", AT.plusSeconds(60)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is ended in DOSING: cannot escalate to a provider; allowed "
                        + "next: add a note")
                .expectNoEvents();
    }

    @Test
    void thePumpGoingToKeepVeinOpenStartsObservation() {
        // given
        var infusing = pumpAt("P-1", PumpStatus.INFUSING, DOSE_AT);

        // when / then
        fixture.given(ivAtGatePassed())
                .andGivenCommands(new RecordPumpReportCommand(SESSION, infusing))
                .when(new RecordPumpReportCommand(SESSION, pumpAt("P-2", PumpStatus.KVO, INFUSION_END_AT)))
                .expectEvents(new PumpReportRecordedEvent(SESSION, CHAIR, pumpAt("P-2", PumpStatus.KVO,
                                INFUSION_END_AT)),
                        new PumpStatusChangedEvent(SESSION, CHAIR, PUMP, PumpStatus.INFUSING, PumpStatus.KVO,
                                INFUSION_END_AT, INFUSION_END_AT),
                        new ObservationStartedEvent(SESSION, CHAIR, INFUSION_END_AT, IV_OBSERVE_UNTIL, null, PUMP,
                                INFUSION_END_AT));
    }
}
