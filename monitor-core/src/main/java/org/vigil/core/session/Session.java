package org.vigil.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.vigil.core.api.AcknowledgeAlarmCommand;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.StartSessionCommand;

/**
 * One treatment session at a chair: the observations recorded in it and the lifecycle of its alarms
 * (IEC 60601-1-8 as described in DOMAIN.md, "Alarm behaviour"). Alarms live here so that raising, acknowledging
 * and clearing one are decided against the same consistent state as the observations that caused them.
 *
 * <p>Fields are visible to Jackson because the aggregate is snapshotted with the Jackson serializer.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Session {

    /** A gateway that got no acknowledgement resends within seconds; 1,000 messages cover minutes of resends. */
    static final int REMEMBERED_MESSAGE_KEYS = 1_000;

    @AggregateIdentifier
    private SessionId sessionId;
    private ChairId chairId;
    private boolean ended;
    private LinkedHashSet<MessageKey> recentMessageKeys = new LinkedHashSet<>();
    private LinkedHashMap<String, ActiveAlarm> activeAlarms = new LinkedHashMap<>();
    private LinkedHashSet<String> raisedAlarmIds = new LinkedHashSet<>();

    public Session() {
    }

    @CommandHandler
    public Session(StartSessionCommand command) {
        validate(command);
        apply(new SessionStartedEvent(command.sessionId(), command.chairId(), command.patientPseudonym(),
                command.weightKg(), command.ageYears(), command.treatment(), command.baseline(), command.protocol(),
                command.startedAt()));
    }

    /**
     * @return {@code true} when the message was recorded, {@code false} when it was a resend of a message already
     *         recorded (same {@link MessageKey}), which records nothing
     */
    @CommandHandler
    public boolean handle(RecordObservationsCommand command) {
        requireRunning("record observations");
        DeviceObservations message = command.observations();
        if (recentMessageKeys.contains(message.messageKey())) {
            return false;
        }
        apply(new ObservationsRecordedEvent(sessionId, chairId, message.deviceId(), message.messageKey(),
                message.deviceTime(), message.receivedAt(), message.observations()));
        return true;
    }

    /** Ends the session; alarms still active are cleared with it, as the chair is free. Ending twice is a no-op. */
    @CommandHandler
    public void handle(EndSessionCommand command) {
        if (ended) {
            return;
        }
        requireNonNull(command.endedAt(), "ended at");
        for (String alarmId : List.copyOf(activeAlarms.keySet())) {
            apply(new AlarmClearedEvent(new AlarmId(alarmId), sessionId, chairId, command.endedAt()));
        }
        apply(new SessionEndedEvent(sessionId, chairId, command.reason(), command.endedAt()));
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
        apply(new AlarmRaisedEvent(command.alarmId(), sessionId, chairId, command.rule(), command.priority(),
                command.kind(), command.message(), command.value(), command.conditionStartedAt(),
                command.raisedAt()));
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

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        chairId = event.chairId();
    }

    @EventSourcingHandler
    void on(ObservationsRecordedEvent event) {
        recentMessageKeys.add(event.messageKey());
        if (recentMessageKeys.size() > REMEMBERED_MESSAGE_KEYS) {
            Iterator<MessageKey> oldest = recentMessageKeys.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    @EventSourcingHandler
    void on(AlarmRaisedEvent event) {
        raisedAlarmIds.add(event.alarmId().value());
        activeAlarms.put(event.alarmId().value(),
                new ActiveAlarm(event.rule(), event.priority(), event.kind(), false, false));
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

    private static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
