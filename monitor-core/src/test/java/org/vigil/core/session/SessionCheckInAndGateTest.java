package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.BASELINE;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.PROTOCOL;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;
import static org.vigil.core.session.SessionTestData.started;
import static org.vigil.core.session.WorkflowTestData.ASSESSED;
import static org.vigil.core.session.WorkflowTestData.ASSESSED_AT;
import static org.vigil.core.session.WorkflowTestData.CHECKED_IN_AT;
import static org.vigil.core.session.WorkflowTestData.GATE_AT;
import static org.vigil.core.session.WorkflowTestData.HOLD_REASONS;
import static org.vigil.core.session.WorkflowTestData.RULES;
import static org.vigil.core.session.WorkflowTestData.checkedIn;
import static org.vigil.core.session.WorkflowTestData.gateHeld;
import static org.vigil.core.session.WorkflowTestData.gatePassed;
import static org.vigil.core.session.WorkflowTestData.preAssessed;
import static org.vigil.core.session.WorkflowTestData.vitals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.CheckInPatientCommand;
import org.vigil.core.api.EvaluateGateCommand;
import org.vigil.core.api.GateEvaluatedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.InteractingMedication;
import org.vigil.core.api.OverrideGateHoldCommand;
import org.vigil.core.api.PatientCheckedInEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.PrescribeInfusionCommand;
import org.vigil.core.api.RecordPreAssessmentCommand;
import org.vigil.core.api.ScheduleSessionCommand;
import org.vigil.core.api.SessionScheduledEvent;
import org.vigil.core.api.Treatment;

/** From booking to the pre-dose gate (docs/DOMAIN.md, "Session lifecycle"), every step by a named user. */
class SessionCheckInAndGateTest {

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void schedulesASessionBookedByANamedUser() {
        // given
        var command = new ScheduleSessionCommand(SESSION, CHAIR, "P-0042", 70.0, 44, Treatment.IV_KETAMINE, BASELINE,
                PROTOCOL, "nurse", T0);

        // when / then
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(started(), new SessionScheduledEvent(SESSION, CHAIR, "nurse", T0));
    }

    @Test
    void refusesToScheduleWithoutTheUserWhoBooks() {
        // given
        var command = new ScheduleSessionCommand(SESSION, CHAIR, "P-0042", 70.0, 44, Treatment.IV_KETAMINE, BASELINE,
                PROTOCOL, " ", T0);

        // when / then
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(InvalidSessionStartException.class)
                .expectExceptionMessage("cannot schedule session session-1: the user who books it must be named")
                .expectNoEvents();
    }

    @Test
    void checksInAScheduledPatientUnderTheProtocolsRules() {
        // when / then
        fixture.given(started())
                .when(new CheckInPatientCommand(SESSION, RULES, "nurse", CHECKED_IN_AT))
                .expectEvents(new PatientCheckedInEvent(SESSION, CHAIR, RULES, "nurse", CHECKED_IN_AT));
    }

    @Test
    void refusesToCheckInTwiceAndSaysWhatIsAllowed() {
        // when / then
        fixture.given(started(), checkedIn())
                .when(new CheckInPatientCommand(SESSION, RULES, "nurse", CHECKED_IN_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in CHECKED_IN: cannot check the patient in; allowed "
                        + "next: record the pre-assessment, escalate to a provider, transfer to emergency care, "
                        + "add a note")
                .expectNoEvents();
    }

    @Test
    void refusesACheckInWithoutUserOrRules() {
        // when / then
        fixture.given(started())
                .when(new CheckInPatientCommand(SESSION, null, null, CHECKED_IN_AT))
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot check the patient in in session session-1: the workflow rules of the "
                        + "clinic protocol are required; the user who takes the step must be named")
                .expectNoEvents();
    }

    @Test
    void recordsThePreAssessmentWithItsInteractingMedications() {
        // given
        var command = new RecordPreAssessmentCommand(SESSION, 71.0, ASSESSED, Set.of(InteractingMedication.MAOI),
                true, " partner drives ", "nurse", ASSESSED_AT);

        // when / then
        fixture.given(started(), checkedIn())
                .when(command)
                .expectEvents(new PreAssessmentRecordedEvent(SESSION, CHAIR, 71.0, ASSESSED,
                        Set.of(InteractingMedication.MAOI), true, "partner drives", "nurse", ASSESSED_AT));
    }

    @Test
    void refusesAPreAssessmentBeforeCheckIn() {
        // given
        var command = new RecordPreAssessmentCommand(SESSION, 71.0, ASSESSED, Set.of(), true, null, "nurse",
                ASSESSED_AT);

        // when / then
        fixture.given(started())
                .when(command)
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in SCHEDULED: cannot record the pre-assessment; "
                        + "allowed next: check the patient in, add a note")
                .expectNoEvents();
    }

    @Test
    void refusesAPreAssessmentWithoutWeightBloodPressureOrRideHome() {
        // given
        var command = new RecordPreAssessmentCommand(SESSION, 0, new BaselineVitals(null, 80, 70, 98), null, null,
                null, "nurse", ASSESSED_AT);

        // when / then
        fixture.given(started(), checkedIn())
                .when(command)
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot record the pre-assessment in session session-1: the weight must be "
                        + "more than 0 kg, got 0.0; the baseline blood pressure (systolic and diastolic) is required; "
                        + "say whether a ride home is arranged")
                .expectNoEvents();
    }

    @Test
    void prescribesWithTheWeightOfThePreAssessment() {
        // given
        var prescribe = new PrescribeInfusionCommand(SESSION, "ketamine", 0.5, Duration.ofMinutes(40), 10.0,
                "director", GATE_AT);

        // when / then
        fixture.given(started(), checkedIn(), new PreAssessmentRecordedEvent(SESSION, CHAIR, 80.0, ASSESSED,
                        Set.of(), true, null, "nurse", ASSESSED_AT))
                .when(prescribe)
                .expectEvents(new InfusionPrescribedEvent(SESSION, CHAIR, "ketamine", 0.5, Duration.ofMinutes(40),
                        10.0, 80.0, 40.0, 4.0, 6.0, "director", GATE_AT));
    }

    @Test
    void passesTheGateWithAnEnteredBloodPressure() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed())
                .when(new EvaluateGateCommand(SESSION, 138, 88, "nurse", GATE_AT))
                .expectEvents(new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.PASS, 138, 88, "entered", List.of(),
                        "nurse", GATE_AT));
    }

    @Test
    void holdsTheGateAboveItsLimitsAndSaysWhy() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed())
                .when(new EvaluateGateCommand(SESSION, 152, 94, "nurse", GATE_AT))
                .expectEvents(new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.HOLD, 152, 94, "entered",
                        List.of("SBP 152 mmHg is above 140", "DBP 94 mmHg is above 90"), "nurse", GATE_AT));
    }

    @Test
    void judgesTheLatestMonitorReadingWhenNoneIsEntered() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), vitals("BP-1", 146, 86, 98, GATE_AT.minusSeconds(30)))
                .when(new EvaluateGateCommand(SESSION, null, null, "nurse", GATE_AT))
                .expectEvents(new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.HOLD, 146, 86, "monitor",
                        List.of("SBP 146 mmHg is above 140"), "nurse", GATE_AT));
    }

    @Test
    void judgesThePreAssessmentBloodPressureWhenTheMonitorHasNoneSinceCheckIn() {
        // when / then
        fixture.given(started(), vitals("BP-0", 170, 100, 98, T0.plusSeconds(60)), checkedIn(), preAssessed())
                .when(new EvaluateGateCommand(SESSION, null, null, "nurse", GATE_AT))
                .expectEvents(new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.PASS, 128, 80, "pre-assessment",
                        List.of(), "nurse", GATE_AT));
    }

    @Test
    void refusesTheGateWithOnlyOneValue() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed())
                .when(new EvaluateGateCommand(SESSION, 138, null, "nurse", GATE_AT))
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot evaluate the pre-dose gate in session session-1: give both systolic "
                        + "and diastolic, or neither to use the latest reading")
                .expectNoEvents();
    }

    @Test
    void refusesTheGateBeforeThePreAssessment() {
        // when / then
        fixture.given(started(), checkedIn())
                .when(new EvaluateGateCommand(SESSION, 138, 88, "nurse", GATE_AT))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in CHECKED_IN: cannot evaluate the pre-dose gate; "
                        + "allowed next: record the pre-assessment, escalate to a provider, transfer to emergency "
                        + "care, add a note")
                .expectNoEvents();
    }

    @Test
    void checksTheGateAgainAfterTheHeldPatientRested() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gateHeld())
                .when(new EvaluateGateCommand(SESSION, 136, 84, "nurse", GATE_AT.plusSeconds(600)))
                .expectEvents(new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.PASS, 136, 84, "entered", List.of(),
                        "nurse", GATE_AT.plusSeconds(600)));
    }

    @Test
    void aProviderOverridesAHoldWithAReason() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gateHeld())
                .when(new OverrideGateHoldCommand(SESSION, " known white-coat hypertension ", "director",
                        GATE_AT.plusSeconds(120)))
                .expectEvents(new GateHoldOverriddenEvent(SESSION, CHAIR, HOLD_REASONS,
                        "known white-coat hypertension", "director", GATE_AT.plusSeconds(120)));
    }

    @Test
    void refusesAnOverrideWithoutAReason() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gateHeld())
                .when(new OverrideGateHoldCommand(SESSION, " ", "director", GATE_AT.plusSeconds(120)))
                .expectException(InvalidWorkflowCommandException.class)
                .expectExceptionMessage("cannot override the gate hold (provider, with a reason) in session "
                        + "session-1: a reason is required")
                .expectNoEvents();
    }

    @Test
    void refusesAnOverrideWhenTheGatePassed() {
        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gatePassed())
                .when(new OverrideGateHoldCommand(SESSION, "why not", "director", GATE_AT.plusSeconds(120)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in GATE (passed): cannot override the gate hold "
                        + "(provider, with a reason); allowed next: evaluate the pre-dose gate, start the infusion, "
                        + "defer the session, escalate to a provider, transfer to emergency care, add a note")
                .expectNoEvents();
    }

    @Test
    void refusesASecondOverride() {
        // given
        var overridden = new GateHoldOverriddenEvent(SESSION, CHAIR, HOLD_REASONS, "white coat", "director",
                GATE_AT.plusSeconds(60));

        // when / then
        fixture.given(started(), checkedIn(), preAssessed(), gateHeld(), overridden)
                .when(new OverrideGateHoldCommand(SESSION, "again", "director", GATE_AT.plusSeconds(120)))
                .expectException(WorkflowStepRefusedException.class)
                .expectExceptionMessage("session session-1 is in GATE (hold overridden by director): cannot override "
                        + "the gate hold (provider, with a reason); allowed next: evaluate the pre-dose gate, start "
                        + "the infusion, defer the session, escalate to a provider, transfer to emergency care, add "
                        + "a note")
                .expectNoEvents();
    }
}
