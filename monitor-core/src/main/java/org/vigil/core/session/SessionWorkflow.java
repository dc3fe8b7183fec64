package org.vigil.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.AdministerEsketamineDeviceCommand;
import org.vigil.core.api.AssessDischargeCommand;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.CheckInPatientCommand;
import org.vigil.core.api.DeferSessionCommand;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DischargePatientCommand;
import org.vigil.core.api.DocumentSessionCommand;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EscalateSessionCommand;
import org.vigil.core.api.EscalationResolvedEvent;
import org.vigil.core.api.EsketamineDeviceAdministeredEvent;
import org.vigil.core.api.EvaluateGateCommand;
import org.vigil.core.api.GateEvaluatedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.InteractingMedication;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.OverrideGateHoldCommand;
import org.vigil.core.api.PatientCheckedInEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.RecordPreAssessmentCommand;
import org.vigil.core.api.ResolveEscalationCommand;
import org.vigil.core.api.ReviewSessionCommand;
import org.vigil.core.api.SessionDeferredEvent;
import org.vigil.core.api.SessionDocumentedEvent;
import org.vigil.core.api.SessionEscalatedEvent;
import org.vigil.core.api.SessionNoteAddedEvent;
import org.vigil.core.api.SessionReviewedEvent;
import org.vigil.core.api.SessionState;
import org.vigil.core.api.SessionTransferredEvent;
import org.vigil.core.api.StartDosingCommand;
import org.vigil.core.api.StartObservationCommand;
import org.vigil.core.api.TransferSessionCommand;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.WorkflowRules;
import org.vigil.core.session.SessionProgress.BloodPressure;

/**
 * The clinical workflow of a session (docs/DOMAIN.md, "Session lifecycle"), every step taken by a named user at a
 * stated time. Each command is checked against the state machine ({@link SessionStateMachine}) and the protocol's
 * rules the session adopted at check-in; a refusal names the state and what is allowed, and records nothing.
 *
 * <p>Part of the {@link Session} aggregate, so a step is decided against the same readings and pump status the
 * session recorded. The steps that free the chair (discharge, deferral, transfer) are handled by the session, which
 * ends itself with them.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class SessionWorkflow {

    @AggregateMember
    private SessionProgress progress = new SessionProgress();

    SessionWorkflow() {
    }

    @CommandHandler
    void handle(CheckInPatientCommand command) {
        List<String> problems = new ArrayList<>();
        if (command.rules() == null) {
            problems.add("the workflow rules of the clinic protocol are required");
        }
        check(WorkflowStep.CHECK_IN, command.user(), command.at(), problems);
        apply(new PatientCheckedInEvent(progress.sessionId(), progress.chairId(), command.rules(), command.user(),
                command.at()));
    }

    @CommandHandler
    void handle(RecordPreAssessmentCommand command) {
        List<String> problems = new ArrayList<>();
        if (!(command.weightKg() > 0) || Double.isInfinite(command.weightKg())) {
            problems.add("the weight must be more than 0 kg, got " + command.weightKg());
        }
        BaselineVitals baseline = command.baseline();
        if (baseline == null || baseline.systolic() == null || baseline.diastolic() == null) {
            problems.add("the baseline blood pressure (systolic and diastolic) is required");
        } else {
            plausibleBloodPressure(problems, baseline.systolic(), baseline.diastolic());
        }
        if (command.rideHomeArranged() == null) {
            problems.add("say whether a ride home is arranged");
        }
        check(WorkflowStep.RECORD_PRE_ASSESSMENT, command.user(), command.at(), problems);
        Set<InteractingMedication> medications = command.interactingMedications() == null
                ? Set.of() : Set.copyOf(command.interactingMedications());
        apply(new PreAssessmentRecordedEvent(progress.sessionId(), progress.chairId(), command.weightKg(), baseline,
                medications, command.rideHomeArranged(), blankToNull(command.rideHome()), command.user(),
                command.at()));
    }

    /**
     * Judges the blood pressure the command gives, else the latest one recorded since check-in (from the monitor,
     * the pre-assessment or an earlier entry).
     *
     * @return whether the gate passed or holds
     */
    @CommandHandler
    GateOutcome handle(EvaluateGateCommand command) {
        List<String> problems = new ArrayList<>();
        boolean entered = command.systolic() != null || command.diastolic() != null;
        if (entered && (command.systolic() == null || command.diastolic() == null)) {
            problems.add("give both systolic and diastolic, or neither to use the latest reading");
        } else if (entered) {
            plausibleBloodPressure(problems, command.systolic(), command.diastolic());
        }
        BloodPressure latest = progress.latestBloodPressure();
        boolean recorded = latest != null && progress.checkedInAt() != null
                && !latest.at().isBefore(progress.checkedInAt());
        if (!entered && !recorded && SessionStateMachine.allowed(progress).contains(WorkflowStep.EVALUATE_GATE)) {
            problems.add("no blood pressure recorded since check-in: enter one or take a reading");
        }
        check(WorkflowStep.EVALUATE_GATE, command.user(), command.at(), problems);
        int systolic = entered ? command.systolic() : latest.systolic();
        int diastolic = entered ? command.diastolic() : latest.diastolic();
        PreDoseGateRule.Decision decision = PreDoseGateRule.decide(systolic, diastolic, progress.ageYears(),
                progress.rules().preDose());
        apply(new GateEvaluatedEvent(progress.sessionId(), progress.chairId(), decision.outcome(), systolic,
                diastolic, entered ? "entered" : latest.source(), decision.reasons(), command.user(), command.at()));
        return decision.outcome();
    }

    /** Only a provider may override a hold; the API lets only a director send this command. */
    @CommandHandler
    void handle(OverrideGateHoldCommand command) {
        check(WorkflowStep.OVERRIDE_GATE_HOLD, command.user(), command.at(), reasonRequired(command.reason()));
        apply(new GateHoldOverriddenEvent(progress.sessionId(), progress.chairId(), List.copyOf(progress.gateReasons()),
                command.reason().strip(), command.user(), command.at()));
    }

    @CommandHandler
    void handle(StartDosingCommand command) {
        check(WorkflowStep.START_DOSING, command.user(), command.at(), new ArrayList<>());
        apply(new DosingStartedEvent(progress.sessionId(), progress.chairId(), progress.treatment(), command.user(),
                null, command.at()));
    }

    /** The first device starts dosing; each later one must keep the spacing after the one before. */
    @CommandHandler
    void handle(AdministerEsketamineDeviceCommand command) {
        check(WorkflowStep.ADMINISTER_ESKETAMINE_DEVICE, command.user(), command.at(), new ArrayList<>());
        List<Instant> given = progress.esketamineDevices();
        int number = given.size() + 1;
        Instant previous = given.isEmpty() ? null : given.get(given.size() - 1);
        EsketamineSpacingRule.refusal(number, previous, command.at(), progress.rules().esketamineDeviceSpacing())
                .ifPresent(reason -> {
                    throw new WorkflowStepRefusedException("session " + progress.sessionId() + ": " + reason);
                });
        if (number == 1) {
            apply(new DosingStartedEvent(progress.sessionId(), progress.chairId(), progress.treatment(),
                    command.user(), null, command.at()));
        }
        apply(new EsketamineDeviceAdministeredEvent(progress.sessionId(), progress.chairId(), number, command.user(),
                command.at()));
    }

    /** Dosing is finished: for IV the infusion ended at the command's time; for esketamine the last device is given. */
    @CommandHandler
    void handle(StartObservationCommand command) {
        List<String> problems = new ArrayList<>();
        Instant last = progress.treatment() == Treatment.ESKETAMINE && !progress.esketamineDevices().isEmpty()
                ? progress.esketamineDevices().get(progress.esketamineDevices().size() - 1)
                : progress.doseStartedAt();
        if (command.at() != null && last != null && command.at().isBefore(last)) {
            problems.add("dosing cannot end at " + command.at() + ", before it last went on at " + last);
        }
        check(WorkflowStep.START_OBSERVATION, command.user(), command.at(), problems);
        startObservation(command.at(), command.user(), null);
    }

    /** A pump shows what a nurse would otherwise record: an IV infusion starting after the gate passed, or ending. */
    void pumpStatusChanged(DeviceId pump, PumpStatus to, Instant at) {
        if (progress.treatment() != Treatment.IV_KETAMINE || progress.ended() || at == null) {
            return;
        }
        SessionState state = progress.state();
        if (to == PumpStatus.INFUSING && state == SessionState.GATE && progress.gatePassed()) {
            apply(new DosingStartedEvent(progress.sessionId(), progress.chairId(), progress.treatment(), null, pump,
                    at));
        } else if ((to == PumpStatus.COMPLETE || to == PumpStatus.KVO) && (state == SessionState.DOSING
                || state == SessionState.ESCALATED && progress.resumesTo() == SessionState.DOSING)) {
            startObservation(at, null, pump);
        }
    }

    private void startObservation(Instant endedAt, String user, DeviceId pump) {
        WorkflowRules rules = progress.rules();
        Instant observeUntil = progress.treatment() == Treatment.ESKETAMINE
                ? progress.doseStartedAt().plus(rules.esketamineObservation())
                : endedAt.plus(rules.ivObservationAfterInfusion());
        apply(new ObservationStartedEvent(progress.sessionId(), progress.chairId(), endedAt, observeUntil, user, pump,
                endedAt));
    }

    /** Not before the minimum observation; the criteria are judged from the latest readings, met or not. */
    @CommandHandler
    void handle(AssessDischargeCommand command) {
        List<String> problems = new ArrayList<>();
        if (command.aldreteScore() == null || command.aldreteScore() < 0 || command.aldreteScore() > 10) {
            problems.add("the Aldrete score (0 to 10) is required, got " + command.aldreteScore());
        }
        check(WorkflowStep.ASSESS_DISCHARGE, command.user(), command.at(), problems);
        Instant observeUntil = progress.observeUntil();
        if (command.at().isBefore(observeUntil)) {
            throw new WorkflowStepRefusedException("session " + progress.sessionId() + ": observation runs until "
                    + observeUntil + " (" + progress.observationRule() + "): discharge can be assessed from then");
        }
        WorkflowRules rules = progress.rules();
        List<String> unmet = DischargeCriteria.unmet(progress.baseline(), progress.latestBloodPressure(),
                progress.latestSpo2(), command.aldreteScore(), rules, command.at());
        BloodPressure bp = progress.latestBloodPressure();
        apply(new DischargeAssessedEvent(progress.sessionId(), progress.chairId(), unmet.isEmpty(), unmet,
                bp == null ? null : bp.systolic(), bp == null ? null : bp.diastolic(),
                progress.latestSpo2() == null ? null : progress.latestSpo2().value(), command.aldreteScore(),
                command.user(), command.at()));
    }

    /**
     * Discharge after an assessment that met the criteria; with criteria unmet only with a provider's reason, which
     * is recorded with the criteria it overrode. The session ends with it.
     */
    void discharge(DischargePatientCommand command) {
        List<String> problems = new ArrayList<>();
        if (command.overrideReason() != null && command.overrideReason().isBlank()) {
            problems.add("an override of the discharge criteria needs a reason");
        }
        check(WorkflowStep.DISCHARGE, command.user(), command.at(), problems);
        List<String> unmet = progress.unmetDischargeCriteria();
        boolean met = Boolean.TRUE.equals(progress.dischargeCriteriaMet());
        if (!met && command.overrideReason() == null) {
            throw new WorkflowStepRefusedException("session " + progress.sessionId() + ": discharge criteria not met: "
                    + String.join("; ", unmet) + ". Assess again, or a provider may discharge with a reason");
        }
        apply(new PatientDischargedEvent(progress.sessionId(), progress.chairId(), met ? List.of() : List.copyOf(unmet),
                met ? null : command.overrideReason().strip(), command.user(), command.at()));
    }

    /** Today's dose is withheld; the session ends with it. */
    void defer(DeferSessionCommand command) {
        check(WorkflowStep.DEFER, command.user(), command.at(), reasonRequired(command.reason()));
        apply(new SessionDeferredEvent(progress.sessionId(), progress.chairId(), command.reason().strip(),
                command.user(), command.at()));
    }

    /** The patient goes to emergency care, from any active state; the session ends with it. */
    void transfer(TransferSessionCommand command) {
        check(WorkflowStep.TRANSFER, command.user(), command.at(), reasonRequired(command.reason()));
        apply(new SessionTransferredEvent(progress.sessionId(), progress.chairId(), progress.state(),
                command.reason().strip(), command.user(), command.at()));
    }

    @CommandHandler
    void handle(DocumentSessionCommand command) {
        check(WorkflowStep.DOCUMENT, command.user(), command.at(), new ArrayList<>());
        apply(new SessionDocumentedEvent(progress.sessionId(), progress.chairId(), blankToNull(command.summary()),
                command.user(), command.at()));
    }

    /** A medical director's review; the API lets only a director send it. */
    @CommandHandler
    void handle(ReviewSessionCommand command) {
        check(WorkflowStep.REVIEW, command.user(), command.at(), new ArrayList<>());
        apply(new SessionReviewedEvent(progress.sessionId(), progress.chairId(), blankToNull(command.comment()),
                command.user(), command.at()));
    }

    @CommandHandler
    void handle(EscalateSessionCommand command) {
        check(WorkflowStep.ESCALATE, command.user(), command.at(), reasonRequired(command.reason()));
        apply(new SessionEscalatedEvent(progress.sessionId(), progress.chairId(), progress.state(),
                command.reason().strip(), command.user(), command.at()));
    }

    @CommandHandler
    void handle(ResolveEscalationCommand command) {
        check(WorkflowStep.RESOLVE_ESCALATION, command.user(), command.at(), new ArrayList<>());
        apply(new EscalationResolvedEvent(progress.sessionId(), progress.chairId(), progress.resumesTo(),
                blankToNull(command.note()), command.user(), command.at()));
    }

    @CommandHandler
    void handle(AddSessionNoteCommand command) {
        List<String> problems = new ArrayList<>();
        if (command.text() == null || command.text().isBlank()) {
            problems.add("a note needs text");
        }
        check(WorkflowStep.ADD_NOTE, command.user(), command.at(), problems);
        apply(new SessionNoteAddedEvent(progress.sessionId(), progress.chairId(), command.text().strip(),
                command.user(), command.at()));
    }

    /**
     * Refuses a command with a missing or wrong value first (nothing to judge), then a step the state does not allow.
     */
    private void check(WorkflowStep step, String user, Instant at, List<String> problems) {
        if (user == null || user.isBlank()) {
            problems.add("the user who takes the step must be named");
        }
        if (at == null) {
            problems.add("the time of the step is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowCommandException("cannot " + step.description() + " in session "
                    + progress.sessionId() + ": " + String.join("; ", problems));
        }
        SessionStateMachine.require(progress, step);
    }

    private static List<String> reasonRequired(String reason) {
        List<String> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add("a reason is required");
        }
        return problems;
    }

    /** Catches a swapped or mistyped entry; not a clinical limit. */
    private static void plausibleBloodPressure(List<String> problems, int systolic, int diastolic) {
        if (systolic < 40 || systolic > 300 || diastolic < 20 || diastolic > 200 || diastolic >= systolic) {
            problems.add("blood pressure " + systolic + "/" + diastolic + " mmHg is not plausible");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
