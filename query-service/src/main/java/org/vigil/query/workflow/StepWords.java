package org.vigil.query.workflow;

import java.util.Optional;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EscalationResolvedEvent;
import org.vigil.core.api.EsketamineDeviceAdministeredEvent;
import org.vigil.core.api.GateEvaluatedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.PatientCheckedInEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.SessionDeferredEvent;
import org.vigil.core.api.SessionDocumentedEvent;
import org.vigil.core.api.SessionEscalatedEvent;
import org.vigil.core.api.SessionNoteAddedEvent;
import org.vigil.core.api.SessionReviewedEvent;
import org.vigil.core.api.SessionScheduledEvent;
import org.vigil.core.api.SessionTransferredEvent;
import org.vigil.core.api.WorkflowEvent;

/** A workflow event in the words a nurse reads in the session panel's list of steps taken. */
final class StepWords {

    private StepWords() {
    }

    static Optional<String> of(WorkflowEvent event) {
        return Optional.ofNullable(words(event));
    }

    private static String words(WorkflowEvent event) {
        if (event instanceof SessionScheduledEvent) {
            return "Booked";
        }
        if (event instanceof PatientCheckedInEvent) {
            return "Checked in";
        }
        if (event instanceof PreAssessmentRecordedEvent e) {
            return "Pre-assessment: " + e.weightKg() + " kg, BP "
                    + e.baseline().systolic() + "/" + e.baseline().diastolic()
                    + (e.baseline().heartRate() == null ? "" : ", HR " + e.baseline().heartRate())
                    + (e.baseline().spo2() == null ? "" : ", SpO2 " + e.baseline().spo2() + " %")
                    + (e.rideHomeArranged() ? ", ride home arranged" : ", no ride home");
        }
        if (event instanceof GateEvaluatedEvent e) {
            return "Pre-dose gate " + (e.outcome() == GateOutcome.PASS ? "passed" : "holds")
                    + " at " + e.systolic() + "/" + e.diastolic()
                    + (e.reasons().isEmpty() ? "" : ": " + String.join("; ", e.reasons()));
        }
        if (event instanceof GateHoldOverriddenEvent e) {
            return "Gate hold overridden: " + e.reason();
        }
        if (event instanceof DosingStartedEvent) {
            return "Dosing started";
        }
        if (event instanceof EsketamineDeviceAdministeredEvent e) {
            return "Esketamine device " + e.number() + " given";
        }
        if (event instanceof ObservationStartedEvent) {
            return "Dosing ended, observation started";
        }
        if (event instanceof DischargeAssessedEvent e) {
            return "Discharge assessed: " + (e.criteriaMet() ? "criteria met"
                    : "not met — " + String.join("; ", e.unmetCriteria()));
        }
        if (event instanceof PatientDischargedEvent e) {
            return e.overrideReason() == null ? "Discharged"
                    : "Discharged against the criteria: " + e.overrideReason();
        }
        if (event instanceof SessionEscalatedEvent e) {
            return "Escalated: " + e.reason();
        }
        if (event instanceof EscalationResolvedEvent e) {
            return "Escalation resolved" + (e.note() == null ? "" : ": " + e.note());
        }
        if (event instanceof SessionTransferredEvent e) {
            return "Transferred to emergency care: " + e.reason();
        }
        if (event instanceof SessionDeferredEvent e) {
            return "Deferred: " + e.reason();
        }
        if (event instanceof SessionNoteAddedEvent e) {
            return "Note: " + e.text();
        }
        if (event instanceof SessionDocumentedEvent) {
            return "Documented";
        }
        if (event instanceof SessionReviewedEvent) {
            return "Reviewed";
        }
        return null;
    }
}
