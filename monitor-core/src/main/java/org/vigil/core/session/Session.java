package org.vigil.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmEscalatedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.AlarmResolvedEvent;
import org.vigil.core.api.AudioPauseEndedEvent;
import org.vigil.core.api.AudioPausedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.DeferSessionCommand;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DischargePatientCommand;
import org.vigil.core.api.DoseSafetyRule;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.EscalateAlarmCommand;
import org.vigil.core.api.InfusionPrescribedEvent;
import org.vigil.core.api.InfusionProgrammedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.OverrideSoftLimitCommand;
import org.vigil.core.api.PreAssessmentRecordedEvent;
import org.vigil.core.api.PauseAudioCommand;
import org.vigil.core.api.PrescribeInfusionCommand;
import org.vigil.core.api.ProgrammeChange;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.RecordAlarmReportCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.ScheduleSessionCommand;
import org.vigil.core.api.ResolveAlarmCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionScheduledEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;
import org.vigil.core.api.StartSessionCommand;
import org.vigil.core.api.TransferSessionCommand;
import org.vigil.core.pump.InfusionPrescription;
import org.vigil.core.pump.PumpProgrammes;

/**
 * One treatment session at a chair: the observations recorded in it and the lifecycle of its alarms
 * (IEC 60601-1-8 as described in docs/DOMAIN.md, "Alarm behaviour"). Alarms live here so that raising, acknowledging
 * and clearing one are decided against the same consistent state as the observations that caused them.
 *
 * <p>Pump messages are recorded as they came, one event each; what they changed (the programme, the pump's
 * status) follows as its own event, so a screen or a review reads "rate changed" without comparing messages.
 * The prescription is computed here from the session's weight, today's from the pre-assessment once recorded.
 *
 * <p>The clinical workflow — check-in to review, every step attributed — is the {@link SessionWorkflow} part of the
 * session; a session is created {@code SCHEDULED} by either {@link StartSessionCommand} or
 * {@link ScheduleSessionCommand}, so device messages reach it at its chair from the moment it exists.
 *
 * <p>Snapshots: the application stores a snapshot of the session every so many events (the fields below, with those
 * of its members {@link SessionWorkflow}, {@link SessionProgress}, {@link ActiveAlarm} and {@link AudioPause}, made
 * visible to the Jackson serializer), and loads it from the latest snapshot and the events after it. Raise the
 * {@link Revision} when any of those fields is added, removed, renamed or changes meaning: a snapshot of another
 * revision is then ignored, and the session is loaded from its events, rather than misread.
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Session {

    @AggregateIdentifier
    private SessionId sessionId;
    private ChairId chairId;
    private double weightKg;
    private boolean ended;
    private LinkedHashMap<String, ActiveAlarm> activeAlarms = new LinkedHashMap<>();
    private LinkedHashSet<String> raisedAlarmIds = new LinkedHashSet<>();
    private LinkedHashMap<String, PumpProgramme> pumpProgrammes = new LinkedHashMap<>();
    private LinkedHashMap<String, PumpStatus> pumpStatuses = new LinkedHashMap<>();
    @AggregateMember
    private SessionWorkflow workflow = new SessionWorkflow();
    private AudioPause audioPause;

    public Session() {
    }

    @CommandHandler
    public Session(StartSessionCommand command) {
        validate(command);
        apply(new SessionStartedEvent(command.sessionId(), command.chairId(), command.patientPseudonym(),
                command.weightKg(), command.ageYears(), command.treatment(), command.baseline(), command.protocol(),
                command.startedAt()));
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
        validate(start);
        apply(new SessionStartedEvent(start.sessionId(), start.chairId(), start.patientPseudonym(), start.weightKg(),
                start.ageYears(), start.treatment(), start.baseline(), start.protocol(), start.startedAt()));
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

    /**
     * A nurse overrides a drug-library soft-limit advisory with a reason: who and why are recorded, and the
     * advisory clears. Hard limits cannot be overridden (docs/DOMAIN.md, "Infusion pumps").
     *
     * @throws AlarmNotActiveException       when the alarm is unknown or already cleared
     * @throws OverrideNotAllowedException   when the alarm is not a soft-limit advisory
     */
    @CommandHandler
    public void handle(OverrideSoftLimitCommand command) {
        requireRunning("override a soft limit");
        if (command.user() == null || command.user().isBlank()) {
            throw new IllegalArgumentException("an override needs the name of the user who gave it");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("an override of a soft limit needs a reason");
        }
        requireNonNull(command.at(), "the time of the override");
        requireNonNull(command.alarmId(), "alarm id");
        ActiveAlarm alarm = activeAlarms.get(command.alarmId().value());
        if (alarm == null) {
            throw new AlarmNotActiveException(sessionId, command.alarmId(),
                    raisedAlarmIds.contains(command.alarmId().value()));
        }
        if (DoseSafetyRule.DRUG_LIBRARY_HARD_LIMIT.ruleName().equals(alarm.rule())) {
            throw new OverrideNotAllowedException("alarm " + command.alarmId() + " is past a hard limit of the "
                    + "drug library, which cannot be overridden: the pump must be programmed again");
        }
        if (!DoseSafetyRule.DRUG_LIBRARY_SOFT_LIMIT.ruleName().equals(alarm.rule())) {
            throw new OverrideNotAllowedException("alarm " + command.alarmId() + " (" + alarm.rule()
                    + ") is not a drug-library soft limit: only those can be overridden");
        }
        apply(new SoftLimitOverriddenEvent(command.alarmId(), sessionId, chairId, alarm.rule(), command.user(),
                command.reason(), command.at()));
        apply(new AlarmClearedEvent(command.alarmId(), sessionId, chairId, command.at()));
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
        for (String alarmId : List.copyOf(activeAlarms.keySet())) {
            apply(new AlarmClearedEvent(new AlarmId(alarmId), sessionId, chairId, at));
        }
        apply(new SessionEndedEvent(sessionId, chairId, reason, at));
    }

    /**
     * Raises an alarm unless it is already known by its id, or an active alarm of the same rule and priority
     * exists: the decision is then already recorded, and raising it twice would sound it twice.
     */
    @CommandHandler
    public void handle(RaiseAlarmCommand command) {
        requireRunning("raise an alarm");
        requireNonNull(command.alarmId(), "alarm id");
        requireNonNull(command.priority(), "priority");
        requireNonNull(command.kind(), "kind");
        if (command.rule() == null || command.rule().isBlank()) {
            throw new IllegalArgumentException("an alarm needs the name of the rule that raised it");
        }
        if (raisedAlarmIds.contains(command.alarmId().value()) || hasActive(command.rule(), command.priority())) {
            return;
        }
        boolean breaksThrough = breaksThroughAudioPause(command);
        apply(new AlarmRaisedEvent(command.alarmId(), sessionId, chairId, command.rule(), command.priority(),
                command.kind(), command.message(), command.value(), command.conditionStartedAt(),
                command.raisedAt()));
        if (breaksThrough) {
            apply(new AudioPauseEndedEvent(sessionId, chairId, AudioPauseEndedEvent.BREAK_THROUGH,
                    command.alarmId(), command.raisedAt()));
        }
    }

    /**
     * The alarm's condition no longer holds. A latching alarm nobody acknowledged stays active; any other alarm
     * clears. An alarm that is unknown, cleared, or whose condition already ended is left as it is.
     */
    @CommandHandler
    public void handle(EndAlarmConditionCommand command) {
        ActiveAlarm alarm = activeAlarms.get(command.alarmId().value());
        if (alarm == null || alarm.conditionEnded()) {
            return;
        }
        if (alarm.latches() && !alarm.acknowledged()) {
            apply(new AlarmConditionEndedEvent(command.alarmId(), sessionId, chairId, command.at()));
        } else {
            apply(new AlarmClearedEvent(command.alarmId(), sessionId, chairId, command.at()));
        }
    }

    /**
     * Acknowledging silences this condition only: an alarm whose condition still holds stays active until it ends;
     * a latched alarm whose condition already ended clears. A second acknowledgement changes nothing.
     *
     * @throws AlarmNotActiveException when the alarm is unknown or already cleared
     */
    @CommandHandler
    public void handle(AcknowledgeAlarmCommand command) {
        if (command.user() == null || command.user().isBlank()) {
            throw new IllegalArgumentException("an acknowledgement needs the name of the user who gave it");
        }
        ActiveAlarm alarm = activeAlarms.get(command.alarmId().value());
        if (alarm == null) {
            throw new AlarmNotActiveException(sessionId, command.alarmId(),
                    raisedAlarmIds.contains(command.alarmId().value()));
        }
        if (alarm.acknowledged()) {
            return;
        }
        apply(new AlarmAcknowledgedEvent(command.alarmId(), sessionId, chairId, command.user(), command.at()));
        if (alarm.conditionEnded()) {
            apply(new AlarmClearedEvent(command.alarmId(), sessionId, chairId, command.at()));
        }
    }

    /**
     * Pauses the chair's alarm sounds for {@link AudioPause#LENGTH}; pausing again while paused starts the two
     * minutes again. The alarms stay active, and escalation goes on: a pause is not an acknowledgement.
     */
    @CommandHandler
    public void handle(PauseAudioCommand command) {
        requireRunning("pause the alarm sounds");
        requireUser(command.user(), "an audio pause");
        requireNonNull(command.at(), "the time of the pause");
        apply(new AudioPausedEvent(sessionId, chairId, command.user(), command.at(),
                command.at().plus(AudioPause.LENGTH)));
    }

    /**
     * A named user resolves a technical alarm they fixed, with a reason; it clears. Which alarms may be resolved is
     * decided by {@link AlarmResolution}.
     *
     * @throws AlarmNotActiveException    when the alarm is unknown or already cleared
     * @throws ResolveNotAllowedException when the alarm cannot be resolved by hand
     */
    @CommandHandler
    public void handle(ResolveAlarmCommand command) {
        requireRunning("resolve an alarm");
        requireUser(command.user(), "a resolve");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("a resolve needs a reason: what was fixed");
        }
        requireNonNull(command.at(), "the time of the resolve");
        requireNonNull(command.alarmId(), "alarm id");
        ActiveAlarm alarm = activeAlarms.get(command.alarmId().value());
        if (alarm == null) {
            throw new AlarmNotActiveException(sessionId, command.alarmId(),
                    raisedAlarmIds.contains(command.alarmId().value()));
        }
        AlarmResolution.refusal(alarm).ifPresent(reason -> {
            throw new ResolveNotAllowedException(command.alarmId(), reason);
        });
        apply(new AlarmResolvedEvent(command.alarmId(), sessionId, chairId, alarm.rule(), command.user(),
                command.reason(), command.at()));
        apply(new AlarmClearedEvent(command.alarmId(), sessionId, chairId, command.at()));
    }

    /**
     * Escalates an alarm nobody acknowledged in time (IHE PCD ACM secondary notification). Idempotent: an alarm
     * already acknowledged, escalated or cleared is left as it is, as the deadline may pass while a nurse
     * acknowledges.
     *
     * @return {@code true} when the alarm was escalated now
     * @throws AlarmNotActiveException when the session never had the alarm
     */
    @CommandHandler
    public boolean handle(EscalateAlarmCommand command) {
        requireNonNull(command.alarmId(), "alarm id");
        requireNonNull(command.at(), "the time of the escalation");
        if (command.to() == null || command.to().isBlank()) {
            throw new IllegalArgumentException("an escalation needs the name of whom it goes to");
        }
        if (!raisedAlarmIds.contains(command.alarmId().value())) {
            throw new AlarmNotActiveException(sessionId, command.alarmId(), false);
        }
        ActiveAlarm alarm = activeAlarms.get(command.alarmId().value());
        if (alarm == null || alarm.acknowledged() || alarm.escalated()) {
            return false;
        }
        apply(new AlarmEscalatedEvent(command.alarmId(), sessionId, chairId, alarm.priority(), command.to(),
                command.at()));
        return true;
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
    void on(AlarmRaisedEvent event) {
        raisedAlarmIds.add(event.alarmId().value());
        activeAlarms.put(event.alarmId().value(),
                new ActiveAlarm(event.rule(), event.priority(), event.kind()));
    }

    @EventSourcingHandler
    void on(AlarmConditionEndedEvent event) {
        activeAlarms.computeIfPresent(event.alarmId().value(), (id, alarm) -> alarm.endCondition());
    }

    @EventSourcingHandler
    void on(AlarmAcknowledgedEvent event) {
        activeAlarms.computeIfPresent(event.alarmId().value(), (id, alarm) -> alarm.acknowledge());
    }

    @EventSourcingHandler
    void on(AlarmClearedEvent event) {
        activeAlarms.remove(event.alarmId().value());
    }

    @EventSourcingHandler
    void on(SessionEndedEvent event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(AlarmEscalatedEvent event) {
        activeAlarms.computeIfPresent(event.alarmId().value(), (id, alarm) -> alarm.escalate());
    }

    @EventSourcingHandler
    void on(AudioPausedEvent event) {
        audioPause = new AudioPause(event.user(), event.until());
    }

    @EventSourcingHandler
    void on(AudioPauseEndedEvent event) {
        audioPause = null;
    }

    private boolean breaksThroughAudioPause(RaiseAlarmCommand command) {
        return audioPause != null && audioPause.brokenThroughBy(command.priority(), command.raisedAt(),
                activeAlarms.values().stream().filter(ActiveAlarm::sounding).map(ActiveAlarm::priority).toList());
    }

    private boolean hasActive(String rule, AlarmPriority priority) {
        return activeAlarms.values().stream()
                .anyMatch(alarm -> alarm.rule().equals(rule) && alarm.priority() == priority);
    }

    private void requireRunning(String what) {
        if (ended) {
            throw new SessionEndedException(sessionId, what);
        }
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

    private static void requireUser(String user, String what) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(what + " needs the name of the user who gave it");
        }
    }

    private static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
