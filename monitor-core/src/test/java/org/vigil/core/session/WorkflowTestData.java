package org.vigil.core.session;

import static org.vigil.core.session.SessionTestData.BASELINE;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.MONITOR;
import static org.vigil.core.session.SessionTestData.PROTOCOL;
import static org.vigil.core.session.SessionTestData.PUMP;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EsketamineDeviceAdministeredEvent;
import org.vigil.core.api.GateEvaluatedEvent;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PatientCheckedInEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.SessionDocumentedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.api.WorkflowRules;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * A session walked through the clinic's workflow, event by event, at chair 3: checked in at 09:05, assessed at
 * 09:10, gate at 09:12, dose at 09:15. The IV infusion ends at 09:55, so observation runs to 10:55.
 */
final class WorkflowTestData {

    static final WorkflowRules RULES = ClinicProtocol.loadDefault().workflowRules();
    static final BaselineVitals ASSESSED = new BaselineVitals(128, 80, 70, 98);
    static final Instant CHECKED_IN_AT = T0.plus(Duration.ofMinutes(5));
    static final Instant ASSESSED_AT = T0.plus(Duration.ofMinutes(10));
    static final Instant GATE_AT = T0.plus(Duration.ofMinutes(12));
    static final Instant DOSE_AT = T0.plus(Duration.ofMinutes(15));
    static final Instant INFUSION_END_AT = T0.plus(Duration.ofMinutes(55));
    static final Instant IV_OBSERVE_UNTIL = INFUSION_END_AT.plus(Duration.ofMinutes(60));
    static final List<String> HOLD_REASONS = List.of("SBP 152 mmHg is above 140");

    private WorkflowTestData() {
    }

    static SessionStartedEvent startedEsketamine() {
        return new SessionStartedEvent(SESSION, CHAIR, "P-0042", 70.0, 44, Treatment.ESKETAMINE, BASELINE, PROTOCOL,
                T0);
    }

    static PatientCheckedInEvent checkedIn() {
        return new PatientCheckedInEvent(SESSION, CHAIR, RULES, "nurse", CHECKED_IN_AT);
    }

    static PreAssessmentRecordedEvent preAssessed() {
        return new PreAssessmentRecordedEvent(SESSION, CHAIR, 71.0, ASSESSED, Set.of(), true, "partner drives",
                "nurse", ASSESSED_AT);
    }

    static GateEvaluatedEvent gatePassed() {
        return new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.PASS, 128, 80, "pre-assessment", List.of(), "nurse",
                GATE_AT);
    }

    static GateEvaluatedEvent gateHeld() {
        return new GateEvaluatedEvent(SESSION, CHAIR, GateOutcome.HOLD, 152, 84, "entered", HOLD_REASONS, "nurse",
                GATE_AT);
    }

    static DosingStartedEvent dosingStarted(Treatment treatment) {
        return new DosingStartedEvent(SESSION, CHAIR, treatment, "nurse", null, DOSE_AT);
    }

    static EsketamineDeviceAdministeredEvent device(int number, Instant at) {
        return new EsketamineDeviceAdministeredEvent(SESSION, CHAIR, number, "nurse", at);
    }

    static ObservationStartedEvent ivObservationStarted() {
        return new ObservationStartedEvent(SESSION, CHAIR, INFUSION_END_AT, IV_OBSERVE_UNTIL, "nurse", null,
                INFUSION_END_AT);
    }

    /** An IV session up to its gate passing. */
    static List<Object> ivAtGatePassed() {
        return List.of(SessionTestData.started(), checkedIn(), preAssessed(), gatePassed());
    }

    static List<Object> ivDosing() {
        return concat(ivAtGatePassed(), dosingStarted(Treatment.IV_KETAMINE));
    }

    static List<Object> ivObserving() {
        return concat(ivDosing(), ivObservationStarted());
    }

    static DischargeAssessedEvent assessedMet(Instant at) {
        return new DischargeAssessedEvent(SESSION, CHAIR, true, List.of(), 130, 82, 97.0, 10, "nurse", at);
    }

    static DischargeAssessedEvent assessedUnmet(Instant at) {
        return new DischargeAssessedEvent(SESSION, CHAIR, false,
                List.of("SBP 152 mmHg is 24 mmHg above baseline 128 (at most 20)"), 152, 82, 97.0, 10, "nurse", at);
    }

    static List<Object> ivDischarged() {
        Instant at = IV_OBSERVE_UNTIL.plusSeconds(60);
        return concat(ivObserving(), assessedMet(at),
                new PatientDischargedEvent(SESSION, CHAIR, List.of(), null, "nurse", at.plusSeconds(60)),
                new SessionEndedEvent(SESSION, CHAIR, "discharged", at.plusSeconds(60)));
    }

    static List<Object> ivDocumented() {
        return concat(ivDischarged(), new SessionDocumentedEvent(SESSION, CHAIR, "uneventful", "nurse",
                IV_OBSERVE_UNTIL.plus(Duration.ofMinutes(10))));
    }

    /** A monitor message with a blood pressure and an SpO2, received at {@code at}. */
    static ObservationsRecordedEvent vitals(String controlId, int systolic, int diastolic, double spo2, Instant at) {
        DeviceObservations message = new DeviceObservations(MONITOR, new MessageKey("GATEWAY", controlId), at, at,
                List.of(Observation.of(Vital.NIBP_SYSTOLIC, systolic, at),
                        Observation.of(Vital.NIBP_DIASTOLIC, diastolic, at), Observation.of(Vital.SPO2, spo2, at)));
        return SessionTestData.recorded(message);
    }

    static PumpReport pumpAt(String controlId, PumpStatus status, Instant at) {
        return new PumpReport(PUMP, new MessageKey("PUMP-GW", controlId), at, at, status,
                new PumpProgramme("ketamine", 10.0, 5.25, 3.5, null, null), 1.0, 2.5, null, List.of());
    }

    static List<Object> concat(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }
}
