package org.vigil.core.session;

import static org.vigil.core.session.WorkflowStep.ADD_NOTE;
import static org.vigil.core.session.WorkflowStep.ADMINISTER_ESKETAMINE_DEVICE;
import static org.vigil.core.session.WorkflowStep.ASSESS_DISCHARGE;
import static org.vigil.core.session.WorkflowStep.CHECK_IN;
import static org.vigil.core.session.WorkflowStep.DEFER;
import static org.vigil.core.session.WorkflowStep.DISCHARGE;
import static org.vigil.core.session.WorkflowStep.DOCUMENT;
import static org.vigil.core.session.WorkflowStep.ESCALATE;
import static org.vigil.core.session.WorkflowStep.EVALUATE_GATE;
import static org.vigil.core.session.WorkflowStep.OVERRIDE_GATE_HOLD;
import static org.vigil.core.session.WorkflowStep.RECORD_PRE_ASSESSMENT;
import static org.vigil.core.session.WorkflowStep.RESOLVE_ESCALATION;
import static org.vigil.core.session.WorkflowStep.REVIEW;
import static org.vigil.core.session.WorkflowStep.START_DOSING;
import static org.vigil.core.session.WorkflowStep.START_OBSERVATION;
import static org.vigil.core.session.WorkflowStep.TRANSFER;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.SessionState;
import org.vigil.core.api.Treatment;

/**
 * The transitions of docs/DOMAIN.md, "Session lifecycle", in one place:
 * {@code SCHEDULED → CHECKED_IN → PRE_ASSESSMENT → GATE → (DEFERRED | DOSING) → OBSERVATION →
 * DISCHARGE_ASSESSMENT → DISCHARGED → DOCUMENTED → REVIEWED}, escalation and transfer from every active state.
 *
 * <p>Some steps repeat in place: a pre-assessment is corrected, the gate is checked again after the patient rested,
 * discharge is assessed again. A deferred or transferred session is documented and reviewed like a discharged one.
 * A session whose monitoring was ended outside the workflow takes notes only.
 */
final class SessionStateMachine {

    private SessionStateMachine() {
    }

    static List<WorkflowStep> allowed(SessionProgress session) {
        List<WorkflowStep> steps = new ArrayList<>();
        if (session.state() == null) {
            return steps;
        }
        if (session.ended() && session.state().active()) {
            steps.add(ADD_NOTE);
            return steps;
        }
        boolean esketamine = session.treatment() == Treatment.ESKETAMINE;
        switch (session.state()) {
            case SCHEDULED -> steps.add(CHECK_IN);
            case CHECKED_IN -> steps.add(RECORD_PRE_ASSESSMENT);
            case PRE_ASSESSMENT -> steps.addAll(List.of(RECORD_PRE_ASSESSMENT, EVALUATE_GATE));
            case GATE -> {
                steps.add(EVALUATE_GATE);
                if (session.gateHeld()) {
                    steps.add(OVERRIDE_GATE_HOLD);
                } else {
                    steps.add(esketamine ? ADMINISTER_ESKETAMINE_DEVICE : START_DOSING);
                }
                steps.add(DEFER);
            }
            case DOSING -> {
                if (esketamine && session.esketamineDevices().size() < session.rules().esketamineMaximumDevices()) {
                    steps.add(ADMINISTER_ESKETAMINE_DEVICE);
                }
                steps.add(START_OBSERVATION);
            }
            case OBSERVATION -> steps.add(ASSESS_DISCHARGE);
            case DISCHARGE_ASSESSMENT -> steps.addAll(List.of(ASSESS_DISCHARGE, DISCHARGE));
            case ESCALATED -> steps.add(RESOLVE_ESCALATION);
            case DEFERRED, DISCHARGED, TRANSFERRED -> steps.add(DOCUMENT);
            case DOCUMENTED -> steps.add(REVIEW);
            case REVIEWED -> {
            }
        }
        if (session.state().active()) {
            if (session.state() != SessionState.ESCALATED) {
                steps.add(ESCALATE);
            }
            steps.add(TRANSFER);
        }
        steps.add(ADD_NOTE);
        return steps;
    }

    /** @throws WorkflowStepRefusedException naming the state and the steps it allows, when it does not allow this */
    static void require(SessionProgress session, WorkflowStep step) {
        List<WorkflowStep> allowed = allowed(session);
        if (!allowed.contains(step)) {
            throw new WorkflowStepRefusedException("session " + session.sessionId() + " is " + session.describe()
                    + ": cannot " + step.description() + "; allowed next: "
                    + String.join(", ", allowed.stream().map(WorkflowStep::description).toList()));
        }
    }
}
