package org.vigil.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.vigil.core.session.CommandChecks.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.DeferSessionCommand;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DischargePatientCommand;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.InfusionProgrammedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.PrescribeInfusionCommand;
import org.vigil.core.api.ProgrammeChange;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RecordAlarmReportCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.ScheduleSessionCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionScheduledEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.TransferSessionCommand;
import org.vigil.core.pump.InfusionPrescription;
import org.vigil.core.pump.PumpProgrammes;

/**
 * One treatment session at a chair: the observations recorded in it and the lifecycle of its alarms
 * (IEC 60601-1-8 as described in docs/DOMAIN.md, "Alarm behaviour"), the {@link AlarmLifecycle} part of the session.
 * Alarms live here so that raising, acknowledging and clearing one are decided against the same consistent state as
 * the observations that caused them.
 *
 * <p>Pump messages are recorded as they came, one event each; what they changed (the programme, the pump's
 * status) follows as its own event, so a screen or a review reads "rate changed" without comparing messages.
 * The prescription is computed here from the session's weight, today's from the pre-assessment once recorded.
 *
 * <p>The pump interlock's pauses of the session's pumps, requested, confirmed or failed, are the {@link PumpPauses}
 * part of the session.
 *
 * <p>The clinical workflow — check-in to review, every step attributed — is the {@link SessionWorkflow} part of the
 * session; a session is created {@code SCHEDULED} by either {@link StartSessionCommand} or
 * {@link ScheduleSessionCommand}, so device messages reach it at its chair from the moment it exists.
 *
 * <p>Snapshots: the application stores a snapshot of the session every so many events (the fields below, with those
 * of its members {@link SessionWorkflow}, {@link SessionProgress}, {@link AlarmLifecycle}, {@link ActiveAlarm},
 * {@link AudioPause} and {@link PumpPauses}, made visible to the Jackson serializer), and loads it from the latest
 * snapshot and the events after it. Raise the {@link Revision} when any of those fields is added, removed, renamed or changes meaning: a
 * snapshot of another revision is then ignored, and the session is loaded from its events, rather than misread.
 */
@Revision("4")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Session {

    @AggregateIdentifier
    private SessionId sessionId;
    private ChairId chairId;
    private double weightKg;
    private boolean ended;
    private LinkedHashMap<String, PumpProgramme> pumpProgrammes = new LinkedHashMap<>();
    private LinkedHashMap<String, PumpStatus> pumpStatuses = new LinkedHashMap<>();
    @AggregateMember
    private SessionWorkflow workflow = new SessionWorkflow();
    @AggregateMember
    private AlarmLifecycle alarms = new AlarmLifecycle();
    @AggregateMember
    private PumpPauses pumpPauses = new PumpPauses();

    public Session() {
    }

    @CommandHandler
    public Session(StartSessionCommand command) {
        start(command);
    }

    /** A named user books the session; it waits for check-in (docs/DOMAIN.md, "Session lifecycle"). */
    @CommandHandler
    public Session(ScheduleSessionCommand command) {
        if (command.user() == null || command.user().isBlank()) {
            throw new InvalidSessionStartException("cannot schedule session " + command.sessionId()
                    + ": the user who books it must be named");
        }
        StartSessionCommand start = new StartSessionCommand(command.sessionId(), command.chairId(),
                command.patientPseudonym(), command.weightKg(), command.ageYears(), command.treatment(),
                command.baseline(), command.protocol(), command.at());
        start(start);
        apply(new SessionScheduledEvent(command.sessionId(), command.chairId(), command.user(), command.at()));
    }

    /**
     * Records one device message. A resend of a message already stored never reaches the session: the ingest checks
     * every message against what was stored before, whatever aggregate it goes to.
     */
    @CommandHandler
    public void handle(RecordObservationsCommand command) {
        requireRunning("record observations");
        DeviceObservations message = command.observations();
        apply(ObservationsRecordedEvent.of(sessionId, chairId, message));
    }

    /** Records one pump message, then what it changed: a new or changed programme, a new status. */
    @CommandHandler
    public void handle(RecordPumpReportCommand command) {
        requireRunning("record a pump report");
        requireNonNull(command.report(), "the pump report");
        PumpReport report = command.report();
        String pump = report.deviceId().value();
        PumpStatus statusBefore = pumpStatuses.get(pump);
        PumpStatus status = report.status() != null ? report.status() : statusBefore;
        PumpProgramme programmeBefore = pumpProgrammes.getOrDefault(pump, PumpProgrammes.NONE);
        PumpProgramme programme = PumpProgrammes.merge(programmeBefore, report.programme(), status);
        Optional<ProgrammeChange> change = PumpProgrammes.change(programmeBefore, programme);

        apply(new PumpReportRecordedEvent(sessionId, chairId, report));
        change.ifPresent(how -> apply(new InfusionProgrammedEvent(sessionId, chairId, report.deviceId(), how,
                programme, programmeBefore.rateMlPerHour(), report.deviceTime(), report.receivedAt())));
        if (status != statusBefore) {
            apply(new PumpStatusChangedEvent(sessionId, chairId, report.deviceId(), statusBefore, status,
                    report.deviceTime(), report.receivedAt()));
            workflow.pumpStatusChanged(report.deviceId(), status, report.receivedAt());
        }
    }

    /** Records one alarm message of a device (IHE PCD-04); whether it raises or ends an alarm is decided from it. */
    @CommandHandler
    public void handle(RecordAlarmReportCommand command) {
        requireRunning("record a device alarm");
        requireNonNull(command.report(), "the alarm report");
        apply(new DeviceAlarmReportedEvent(sessionId, chairId, command.report()));
    }

    /**
     * Prescribes the session's infusion, computing dose, volume and rate from the session's weight.
     *
     * @throws InvalidPrescriptionException naming every value that is missing or not above 0
     */
    @CommandHandler
    public void handle(PrescribeInfusionCommand command) {
        requireRunning("prescribe an infusion");
        List<String> problems = new ArrayList<>(InfusionPrescription.problems(command.drug(), command.mgPerKg(),
                command.duration(), command.concentrationMgPerMl(), weightKg));
        if (command.prescribedBy() == null || command.prescribedBy().isBlank()) {
            problems.add("the prescriber must be named");
        }
        if (command.at() == null) {
            problems.add("the time of the prescription is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPrescriptionException("cannot prescribe for session " + sessionId + ": "
                    + String.join("; ", problems));
        }
        InfusionPrescription prescription = new InfusionPrescription(command.drug().strip(), command.mgPerKg(),
                command.duration(), command.concentrationMgPerMl(), weightKg);
        apply(new InfusionPrescribedEvent(sessionId, chairId, prescription.drug(), prescription.mgPerKg(),
                prescription.duration(), prescription.concentrationMgPerMl(), weightKg,
                prescription.expectedDoseMg(), prescription.vtbiMl(), prescription.expectedRateMlPerHour(),
                command.prescribedBy(), command.at()));
    }

    /** Ends the session; alarms still active are cleared with it, as the chair is free. Ending twice is a no-op. */
    @CommandHandler
    public void handle(EndSessionCommand command) {
        if (ended) {
            return;
        }
        requireNonNull(command.endedAt(), "ended at");
        end(command.reason(), command.endedAt());
    }

    /** The patient goes home: the workflow decides whether they may, and the session ends with it. */
    @CommandHandler
    public void handle(DischargePatientCommand command) {
        workflow.discharge(command);
        end("discharged", command.at());
    }

    /** Today's dose is withheld: the session ends. */
    @CommandHandler
    public void handle(DeferSessionCommand command) {
        workflow.defer(command);
        end("deferred", command.at());
    }

    /** The patient is sent to emergency care: the session ends. */
    @CommandHandler
    public void handle(TransferSessionCommand command) {
        workflow.transfer(command);
        end("transferred", command.at());
    }

    private void end(String reason, Instant at) {
        alarms.clearAll(at);
        apply(new SessionEndedEvent(sessionId, chairId, reason, at));
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        chairId = event.chairId();
        weightKg = event.weightKg();
    }

    /** Today's weight from the pre-assessment is the one a prescription is computed from. */
    @EventSourcingHandler
    void on(PreAssessmentRecordedEvent event) {
        weightKg = event.weightKg();
    }

    @EventSourcingHandler
    void on(InfusionProgrammedEvent event) {
        pumpProgrammes.put(event.deviceId().value(), event.programme());
    }

    @EventSourcingHandler
    void on(PumpStatusChangedEvent event) {
        pumpStatuses.put(event.deviceId().value(), event.to());
    }

    @EventSourcingHandler
    void on(SessionEndedEvent event) {
        ended = true;
    }

    private void requireRunning(String what) {
        CommandChecks.requireRunning(ended, sessionId, what);
    }

    private static void start(StartSessionCommand command) {
        validate(command);
        apply(new SessionStartedEvent(command.sessionId(), command.chairId(), command.patientPseudonym(),
                command.weightKg(), command.ageYears(), command.treatment(), command.baseline(), command.protocol(),
                command.startedAt()));
    }

    private static void validate(StartSessionCommand command) {
        List<String> problems = new ArrayList<>();
        if (command.sessionId() == null) {
            problems.add("a session id is required");
        }
        if (command.chairId() == null) {
            problems.add("a chair is required");
        }
        if (command.patientPseudonym() == null || command.patientPseudonym().isBlank()) {
            problems.add("the patient pseudonym must not be blank");
        }
        if (!(command.weightKg() > 0) || Double.isInfinite(command.weightKg())) {
            problems.add("the weight must be more than 0 kg to compute a dose, got " + command.weightKg());
        }
        if (command.ageYears() < 0) {
            problems.add("the age must not be negative, got " + command.ageYears());
        }
        if (command.treatment() == null) {
            problems.add("a treatment is required");
        }
        if (command.protocol() == null) {
            problems.add("the clinic protocol the session runs under is required");
        }
        if (command.startedAt() == null) {
            problems.add("a start time is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSessionStartException("cannot start session " + command.sessionId() + ": "
                    + String.join("; ", problems));
        }
    }
}
