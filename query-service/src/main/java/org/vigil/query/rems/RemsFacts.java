package org.vigil.query.rems;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.CuffPressure;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EsketamineDeviceAdministeredEvent;
import org.vigil.core.api.GateEvaluatedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.InteractingMedication;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PatientCheckedInEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.RemsItem;
import org.vigil.core.api.RemsItemCompletedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.api.WorkflowEvent;
import org.vigil.core.api.WorkflowRules;

/**
 * What a session's events say that the REMS form asks, folded event by event: from the session's stream for
 * {@code GET /api/sessions/{id}/rems}, and kept as JSON in the REMS read model so the form's completeness follows the
 * record without reading it again. Blood pressures are the ones {@code SessionProgress} judges the checkpoints with:
 * a monitor's NIBP (systolic and diastolic in one message), the pre-assessment's baseline, a pressure entered at
 * the gate.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class RemsFacts {

    /** A session's blood pressures kept: a reading every 5 min covers more than 16 hours. */
    static final int REMEMBERED_BLOOD_PRESSURES = 200;

    /** A blood pressure and where it came from: {@code monitor}, {@code entered} or {@code pre-assessment}. */
    record BloodPressure(int systolic, int diastolic, String source, Instant at) {

        String words() {
            return systolic + "/" + diastolic + " mmHg (" + source + ")";
        }
    }

    /** A director's answer to a field. */
    record Completion(String value, String user, Instant at) {
    }

    SessionId sessionId;
    ChairId chairId;
    String patientPseudonym;
    Treatment treatment;
    Instant startedAt;
    WorkflowRules rules;
    Instant checkedInAt;
    BaselineVitals baseline;
    /** {@code null} until the pre-assessment asked. */
    Set<InteractingMedication> medications;
    GateOutcome gateOutcome;
    String gateWords;
    Instant gateAt;
    String gateOverride;
    List<Instant> devices = new ArrayList<>();
    Instant doseStartedAt;
    Instant observeUntil;
    List<BloodPressure> bloodPressures = new ArrayList<>();
    Boolean dischargeCriteriaMet;
    String dischargeWords;
    Instant dischargeAssessedAt;
    Instant dischargedAt;
    String dischargeOverride;
    Instant endedAt;
    String endReason;
    Map<RemsItem, Completion> completions = new EnumMap<>(RemsItem.class);

    /** Whether {@code event} can change the form; the projection skips the rest without loading its row. */
    static boolean matters(Object event) {
        if (event instanceof ObservationsRecordedEvent e) {
            return e.sessionId() != null && e.observations().stream()
                    .anyMatch(o -> o.vital().filter(v -> v == Vital.NIBP_SYSTOLIC).isPresent());
        }
        return event instanceof SessionStartedEvent || event instanceof PatientCheckedInEvent
                || event instanceof PreAssessmentRecordedEvent || event instanceof GateEvaluatedEvent
                || event instanceof GateHoldOverriddenEvent || event instanceof DosingStartedEvent
                || event instanceof EsketamineDeviceAdministeredEvent || event instanceof ObservationStartedEvent
                || event instanceof DischargeAssessedEvent || event instanceof PatientDischargedEvent
                || event instanceof SessionEndedEvent || event instanceof RemsItemCompletedEvent;
    }

    /** The session an event that {@link #matters} is about. */
    static SessionId sessionOf(Object event) {
        if (event instanceof WorkflowEvent e) {
            return e.sessionId();
        }
        if (event instanceof ObservationsRecordedEvent e) {
            return e.sessionId();
        }
        if (event instanceof SessionEndedEvent e) {
            return e.sessionId();
        }
        return event instanceof RemsItemCompletedEvent e ? e.sessionId() : null;
    }

    void apply(Object event) {
        if (event instanceof SessionStartedEvent e) {
            sessionId = e.sessionId();
            chairId = e.chairId();
            patientPseudonym = e.patientPseudonym();
            treatment = e.treatment();
            startedAt = e.startedAt();
            baseline = e.baseline();
        } else if (event instanceof ObservationsRecordedEvent e) {
            monitorPressure(e);
        } else if (event instanceof PatientCheckedInEvent e) {
            rules = e.rules();
            checkedInAt = e.at();
        } else if (event instanceof PreAssessmentRecordedEvent e) {
            baseline = e.baseline();
            medications = e.interactingMedications() == null ? Set.of() : Set.copyOf(e.interactingMedications());
            if (e.baseline() != null && e.baseline().systolic() != null && e.baseline().diastolic() != null) {
                pressure(new BloodPressure(e.baseline().systolic(), e.baseline().diastolic(), "pre-assessment",
                        e.at()));
            }
        } else if (event instanceof GateEvaluatedEvent e) {
            if ("entered".equals(e.source())) {
                pressure(new BloodPressure(e.systolic(), e.diastolic(), e.source(), e.at()));
            }
            gateOutcome = e.outcome();
            gateAt = e.at();
            gateOverride = null;
            gateWords = (e.outcome() == GateOutcome.PASS ? "yes: the pre-dose gate passed" : "no: the pre-dose gate held ("
                    + String.join("; ", e.reasons()) + ")") + " on " + e.systolic() + "/" + e.diastolic()
                    + " mmHg (" + e.source() + "), judged by " + e.user();
        } else if (event instanceof GateHoldOverriddenEvent e) {
            gateOverride = "dosed after " + e.user() + " overrode the hold: " + e.reason();
        } else {
            applyDoseAndDischarge(event);
        }
    }

    private void applyDoseAndDischarge(Object event) {
        if (event instanceof DosingStartedEvent e) {
            doseStartedAt = e.at();
        } else if (event instanceof EsketamineDeviceAdministeredEvent e) {
            devices.add(e.at());
        } else if (event instanceof ObservationStartedEvent e) {
            observeUntil = e.observeUntil();
        } else if (event instanceof DischargeAssessedEvent e) {
            dischargeCriteriaMet = e.criteriaMet();
            dischargeAssessedAt = e.at();
            dischargeWords = (e.criteriaMet() ? "yes: discharge criteria met" : "no: "
                    + String.join("; ", e.unmetCriteria())) + (e.aldreteScore() == null ? ""
                    : ", Aldrete " + e.aldreteScore()) + ", assessed by " + e.user();
        } else if (event instanceof PatientDischargedEvent e) {
            dischargedAt = e.at();
            if (e.overrideReason() != null) {
                dischargeOverride = "discharged by " + e.user() + " against "
                        + String.join("; ", e.overriddenCriteria()) + ": " + e.overrideReason();
            }
        } else if (event instanceof SessionEndedEvent e) {
            endedAt = e.endedAt();
            endReason = e.reason();
        } else if (event instanceof RemsItemCompletedEvent e) {
            completions.put(e.item(), new Completion(e.value(), e.user(), e.at()));
        }
    }

    private void monitorPressure(ObservationsRecordedEvent event) {
        CuffPressure.in(event).ifPresent(cuff -> pressure(
                new BloodPressure(cuff.systolic(), cuff.diastolic(), "monitor", event.receivedAt())));
    }

    private void pressure(BloodPressure reading) {
        bloodPressures.add(reading);
        if (bloodPressures.size() > REMEMBERED_BLOOD_PRESSURES) {
            bloodPressures.remove(0);
        }
    }

    /** The end of observation: recorded when dosing ended, else the protocol's minimum from the first device. */
    Instant observeUntil() {
        if (observeUntil != null) {
            return observeUntil;
        }
        return doseStartedAt == null || rules == null ? null : doseStartedAt.plus(rules.esketamineObservation());
    }
}
