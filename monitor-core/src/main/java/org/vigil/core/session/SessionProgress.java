package org.vigil.core.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.Checkpoint;
import org.vigil.core.api.CheckpointStatus;
import org.vigil.core.api.CheckpointView;
import org.vigil.core.api.CuffPressure;
import org.vigil.core.api.DischargeAssessedEvent;
import org.vigil.core.api.DosingStartedEvent;
import org.vigil.core.api.EscalationResolvedEvent;
import org.vigil.core.api.EsketamineDeviceAdministeredEvent;
import org.vigil.core.api.GateEvaluatedEvent;
import org.vigil.core.api.GateHoldOverriddenEvent;
import org.vigil.core.api.GateOutcome;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationStartedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PatientCheckedInEvent;
import org.vigil.core.api.PatientDischargedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.SessionDeferredEvent;
import org.vigil.core.api.SessionDocumentedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionEscalatedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionNoteAddedEvent;
import org.vigil.core.api.SessionReviewedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionState;
import org.vigil.core.api.SessionTransferredEvent;
import org.vigil.core.api.SessionWorkflowView;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.core.api.WorkflowNote;
import org.vigil.core.api.WorkflowRules;

/**
 * A session's workflow as its events tell it: the state, the gate, the dose times, the readings the REMS checks and
 * the discharge criteria are judged from. The aggregate decides with it; the chair tiles and the session's workflow
 * view show it, so the three never disagree on what a state or a checkpoint means.
 *
 * <p>Events are folded in order by its {@link EventSourcingHandler}s: in the aggregate as a member of
 * {@link SessionWorkflow}, in a read model through {@link #apply(Object)}; events it does not know are ignored.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class SessionProgress {

    /**
     * The handlers of this class, found once, without the enhancers of an application's handlers: a read model folds
     * with them outside any unit of work.
     */
    private static final AnnotatedHandlerInspector<SessionProgress> HANDLERS = AnnotatedHandlerInspector.inspectType(
            SessionProgress.class, ClasspathParameterResolverFactory.forClass(SessionProgress.class),
            new AnnotatedMessageHandlingMemberDefinition());

    /** The handler of each type of event, looked up once per type: a live view folds every message. */
    private static final ClassValue<Optional<MessageHandlingMember<? super SessionProgress>>> HANDLER =
            new ClassValue<>() {
                @Override
                protected Optional<MessageHandlingMember<? super SessionProgress>> computeValue(Class<?> type) {
                    return HANDLERS.getHandlers(SessionProgress.class)
                            .filter(handler -> handler.payloadType().isAssignableFrom(type)).findFirst();
                }
            };

    /** The identifier of the messages a read model's events are wrapped in to reach the handlers: nothing reads it. */
    private static final String EVENT_ID = "session-progress";

    /** The blood-pressure times kept for the checkpoints: a reading every 5 min covers more than 8 hours. */
    static final int REMEMBERED_BLOOD_PRESSURES = 100;

    /** A blood pressure, and where it came from: {@code monitor}, {@code entered} or {@code pre-assessment}. */
    record BloodPressure(int systolic, int diastolic, String source, Instant at) {
    }

    record Spo2(double value, Instant at) {
    }

    private SessionId sessionId;
    private ChairId chairId;
    private Treatment treatment;
    private int ageYears;
    private SessionState state;
    private SessionState resumesTo;
    private boolean ended;
    private Instant endedAt;
    private WorkflowRules rules;
    private BaselineVitals baseline;
    private Instant checkedInAt;
    private GateOutcome gateOutcome;
    private List<String> gateReasons = new ArrayList<>();
    private String gateOverriddenBy;
    private Instant doseStartedAt;
    private List<Instant> esketamineDevices = new ArrayList<>();
    private Instant dosingEndedAt;
    private Instant observeUntil;
    private BloodPressure latestBloodPressure;
    private Spo2 latestSpo2;
    private List<Instant> bloodPressureTimes = new ArrayList<>();
    private Boolean dischargeCriteriaMet;
    private List<String> unmetDischargeCriteria = new ArrayList<>();
    private List<WorkflowNote> notes = new ArrayList<>();

    public SessionProgress() {
    }

    /** A copy with {@code event} folded in; this one is left as it was. */
    public SessionProgress with(Object event) {
        SessionProgress next = copy();
        next.apply(event);
        return next;
    }

    /**
     * Folds one event into this progress through its {@link EventSourcingHandler}s, the same methods the aggregate
     * folds it with; an event it has no handler for is ignored.
     */
    public void apply(Object event) {
        HANDLER.get(event.getClass()).ifPresent(handler -> {
            try {
                handler.handle(new GenericEventMessage<>(new GenericMessage<>(EVENT_ID, event,
                        MetaData.emptyInstance()), () -> Instant.EPOCH), this);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @EventSourcingHandler
    void on(SessionStartedEvent e) {
        sessionId = e.sessionId();
        chairId = e.chairId();
        treatment = e.treatment();
        ageYears = e.ageYears();
        baseline = e.baseline();
        state = SessionState.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ObservationsRecordedEvent e) {
        readings(e);
    }

    @EventSourcingHandler
    void on(PatientCheckedInEvent e) {
        rules = e.rules();
        checkedInAt = e.at();
        state = SessionState.CHECKED_IN;
    }

    @EventSourcingHandler
    void on(PreAssessmentRecordedEvent e) {
        baseline = e.baseline();
        if (e.baseline().systolic() != null && e.baseline().diastolic() != null) {
            bloodPressure(new BloodPressure(e.baseline().systolic(), e.baseline().diastolic(), "pre-assessment",
                    e.at()));
        }
        state = SessionState.PRE_ASSESSMENT;
    }

    @EventSourcingHandler
    void on(GateEvaluatedEvent e) {
        if ("entered".equals(e.source())) {
            bloodPressure(new BloodPressure(e.systolic(), e.diastolic(), e.source(), e.at()));
        }
        gateOutcome = e.outcome();
        gateReasons = new ArrayList<>(e.reasons());
        gateOverriddenBy = null;
        state = SessionState.GATE;
    }

    @EventSourcingHandler
    void on(GateHoldOverriddenEvent e) {
        gateOverriddenBy = e.user();
    }

    @EventSourcingHandler
    void on(SessionDeferredEvent e) {
        state = SessionState.DEFERRED;
    }

    @EventSourcingHandler
    void on(DosingStartedEvent e) {
        doseStartedAt = e.at();
        state = SessionState.DOSING;
    }

    @EventSourcingHandler
    void on(EsketamineDeviceAdministeredEvent e) {
        esketamineDevices.add(e.at());
    }

    @EventSourcingHandler
    void on(ObservationStartedEvent e) {
        dosingEndedAt = e.dosingEndedAt();
        observeUntil = e.observeUntil();
        moveTo(SessionState.OBSERVATION);
    }

    @EventSourcingHandler
    void on(DischargeAssessedEvent e) {
        dischargeCriteriaMet = e.criteriaMet();
        unmetDischargeCriteria = new ArrayList<>(e.unmetCriteria());
        state = SessionState.DISCHARGE_ASSESSMENT;
    }

    @EventSourcingHandler
    void on(PatientDischargedEvent e) {
        state = SessionState.DISCHARGED;
    }

    @EventSourcingHandler
    void on(SessionDocumentedEvent e) {
        state = SessionState.DOCUMENTED;
    }

    @EventSourcingHandler
    void on(SessionReviewedEvent e) {
        state = SessionState.REVIEWED;
    }

    @EventSourcingHandler
    void on(SessionEscalatedEvent e) {
        resumesTo = e.from();
        state = SessionState.ESCALATED;
    }

    @EventSourcingHandler
    void on(EscalationResolvedEvent e) {
        state = e.resumed();
        resumesTo = null;
    }

    @EventSourcingHandler
    void on(SessionTransferredEvent e) {
        resumesTo = null;
        state = SessionState.TRANSFERRED;
    }

    @EventSourcingHandler
    void on(SessionNoteAddedEvent e) {
        notes.add(new WorkflowNote(e.text(), e.user(), e.at()));
    }

    @EventSourcingHandler
    void on(SessionEndedEvent e) {
        ended = true;
        endedAt = e.endedAt();
    }

    /** The step an escalation interrupted moves on underneath it, so resolving it resumes where the patient is. */
    private void moveTo(SessionState next) {
        if (state == SessionState.ESCALATED) {
            resumesTo = next;
        } else {
            state = next;
        }
    }

    private void readings(ObservationsRecordedEvent event) {
        for (Observation observation : event.observations()) {
            if (observation.available() && observation.vital().orElse(null) == Vital.SPO2) {
                latestSpo2 = new Spo2(observation.value(), event.receivedAt());
            }
        }
        CuffPressure.in(event).ifPresent(cuff -> bloodPressure(
                new BloodPressure(cuff.systolic(), cuff.diastolic(), "monitor", event.receivedAt())));
    }

    private void bloodPressure(BloodPressure reading) {
        latestBloodPressure = reading;
        bloodPressureTimes.add(reading.at());
        if (bloodPressureTimes.size() > REMEMBERED_BLOOD_PRESSURES) {
            bloodPressureTimes.remove(0);
        }
    }

    public SessionId sessionId() {
        return sessionId;
    }

    public ChairId chairId() {
        return chairId;
    }

    public Treatment treatment() {
        return treatment;
    }

    int ageYears() {
        return ageYears;
    }

    /** {@code null} before the session exists. */
    public SessionState state() {
        return state;
    }

    public SessionState resumesTo() {
        return resumesTo;
    }

    /** The chair is free: the patient left (discharged, deferred, transferred) or monitoring was ended. */
    public boolean ended() {
        return ended;
    }

    WorkflowRules rules() {
        return rules;
    }

    BaselineVitals baseline() {
        return baseline;
    }

    public Instant doseStartedAt() {
        return doseStartedAt;
    }

    List<Instant> esketamineDevices() {
        return esketamineDevices;
    }

    Instant dosingEndedAt() {
        return dosingEndedAt;
    }

    BloodPressure latestBloodPressure() {
        return latestBloodPressure;
    }

    Spo2 latestSpo2() {
        return latestSpo2;
    }

    List<Instant> bloodPressureTimes() {
        return bloodPressureTimes;
    }

    Instant checkedInAt() {
        return checkedInAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    GateOutcome gateOutcome() {
        return gateOutcome;
    }

    List<String> gateReasons() {
        return gateReasons;
    }

    /** The gate passed, or a provider overrode its hold. */
    boolean gatePassed() {
        return gateOutcome == GateOutcome.PASS || gateOverriddenBy != null;
    }

    boolean gateHeld() {
        return gateOutcome == GateOutcome.HOLD && gateOverriddenBy == null;
    }

    Boolean dischargeCriteriaMet() {
        return dischargeCriteriaMet;
    }

    List<String> unmetDischargeCriteria() {
        return unmetDischargeCriteria;
    }

    /**
     * The earliest discharge assessment: for esketamine the minimum observation from the first device, known from
     * the dose start; for IV the minimum after the infusion ended, known once it has.
     */
    public Instant observeUntil() {
        if (observeUntil != null) {
            return observeUntil;
        }
        if (treatment == Treatment.ESKETAMINE && doseStartedAt != null && rules != null) {
            return doseStartedAt.plus(rules.esketamineObservation());
        }
        return null;
    }

    /** The blood-pressure checks of the protocol and whether each was done, as they stand at {@code now}. */
    public List<CheckpointView> checkpoints(Instant now) {
        return Checkpoints.of(this, now);
    }

    /**
     * The first check still to do whose time is known and whose window has not closed, {@code null} when none or the
     * chair is free.
     */
    public Checkpoint nextCheckpoint(Instant now) {
        if (ended || state == null || !state.active()) {
            return null;
        }
        return checkpoints(now).stream()
                .filter(c -> c.status() != CheckpointStatus.DONE && c.dueAt() != null)
                .filter(c -> c.windowCloses() == null || !now.isAfter(c.windowCloses()))
                .findFirst()
                .map(c -> new Checkpoint(c.label(), c.dueAt()))
                .orElse(null);
    }

    /** What the session's state allows now, in words. */
    public List<String> allowedNextSteps() {
        return SessionStateMachine.allowed(this).stream().map(WorkflowStep::description).toList();
    }

    /** What the session's state allows now, as the names of its steps ({@code CHECK_IN}, {@code START_DOSING} …). */
    public List<String> allowedStepNames() {
        return SessionStateMachine.allowed(this).stream().map(WorkflowStep::name).toList();
    }

    public SessionWorkflowView view(Instant now) {
        return new SessionWorkflowView(sessionId, chairId, treatment, state, resumesTo, gateOutcome,
                List.copyOf(gateReasons), gateOverriddenBy, doseStartedAt, List.copyOf(esketamineDevices),
                dosingEndedAt, observeUntil(), checkpoints(now), dischargeCriteriaMet,
                List.copyOf(unmetDischargeCriteria), List.copyOf(notes), allowedNextSteps());
    }

    /** The state in words for a refusal, with what matters to it: a hold's reasons, the devices given. */
    String describe() {
        String where = (ended && state != null && state.active() ? "ended in " : "in ") + state;
        if (state == SessionState.GATE) {
            return where + (gateHeld() ? " (on hold: " + String.join("; ", gateReasons) + ")"
                    : gateOverriddenBy != null ? " (hold overridden by " + gateOverriddenBy + ")" : " (passed)");
        }
        if (state == SessionState.DOSING && treatment == Treatment.ESKETAMINE && rules != null) {
            return where + " (" + esketamineDevices.size() + " of " + rules.esketamineMaximumDevices()
                    + " esketamine devices given)";
        }
        if (state == SessionState.ESCALATED) {
            return where + " (from " + resumesTo + ")";
        }
        return where;
    }

    /** The minimum observation as the rules word it, for a refused discharge assessment. */
    String observationRule() {
        if (treatment == Treatment.ESKETAMINE) {
            return minutes(rules.esketamineObservation()) + " from the first esketamine device";
        }
        return minutes(rules.ivObservationAfterInfusion()) + " after the infusion ended";
    }

    static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private SessionProgress copy() {
        SessionProgress copy = new SessionProgress();
        copy.sessionId = sessionId;
        copy.chairId = chairId;
        copy.treatment = treatment;
        copy.ageYears = ageYears;
        copy.state = state;
        copy.resumesTo = resumesTo;
        copy.ended = ended;
        copy.endedAt = endedAt;
        copy.rules = rules;
        copy.baseline = baseline;
        copy.checkedInAt = checkedInAt;
        copy.gateOutcome = gateOutcome;
        copy.gateReasons = new ArrayList<>(gateReasons);
        copy.gateOverriddenBy = gateOverriddenBy;
        copy.doseStartedAt = doseStartedAt;
        copy.esketamineDevices = new ArrayList<>(esketamineDevices);
        copy.dosingEndedAt = dosingEndedAt;
        copy.observeUntil = observeUntil;
        copy.latestBloodPressure = latestBloodPressure;
        copy.latestSpo2 = latestSpo2;
        copy.bloodPressureTimes = new ArrayList<>(bloodPressureTimes);
        copy.dischargeCriteriaMet = dischargeCriteriaMet;
        copy.unmetDischargeCriteria = new ArrayList<>(unmetDischargeCriteria);
        copy.notes = new ArrayList<>(notes);
        return copy;
    }
}
