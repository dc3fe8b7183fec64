package org.vigil.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.vigil.core.session.CommandChecks.requireNonNull;
import static org.vigil.core.session.CommandChecks.requireUser;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
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
import org.vigil.core.api.DoseSafetyRule;
import org.vigil.core.api.EndAlarmConditionCommand;
import org.vigil.core.api.EscalateAlarmCommand;
import org.vigil.core.api.OverrideSoftLimitCommand;
import org.vigil.core.api.PauseAudioCommand;
import org.vigil.core.api.RaiseAlarmCommand;
import org.vigil.core.api.ResolveAlarmCommand;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SoftLimitOverriddenEvent;

/**
 * The lifecycle of a session's alarms (IEC 60601-1-8 as described in docs/DOMAIN.md, "Alarm behaviour"): raised,
 * condition ended, acknowledged, escalated, resolved, cleared, and the chair's audio pause. Part of the
 * {@link Session} aggregate, so each step is decided against the same consistent state as the observations that
 * caused it; the session clears what is still active when it ends ({@link #clearAll(Instant)}).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class AlarmLifecycle {

    private SessionId sessionId;
    private ChairId chairId;
    private boolean ended;
    private LinkedHashMap<String, ActiveAlarm> activeAlarms = new LinkedHashMap<>();
    private LinkedHashSet<String> raisedAlarmIds = new LinkedHashSet<>();
    private AudioPause audioPause;

    AlarmLifecycle() {
    }

    /**
     * Raises an alarm unless it is already known by its id, or an active alarm of the same rule and priority
     * exists: the decision is then already recorded, and raising it twice would sound it twice.
     */
    @CommandHandler
    void handle(RaiseAlarmCommand command) {
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
    void handle(EndAlarmConditionCommand command) {
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
    void handle(AcknowledgeAlarmCommand command) {
        requireUser(command.user(), "an acknowledgement");
        ActiveAlarm alarm = active(command.alarmId());
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
    void handle(PauseAudioCommand command) {
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
    void handle(ResolveAlarmCommand command) {
        requireRunning("resolve an alarm");
        requireUser(command.user(), "a resolve");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("a resolve needs a reason: what was fixed");
        }
        requireNonNull(command.at(), "the time of the resolve");
        requireNonNull(command.alarmId(), "alarm id");
        ActiveAlarm alarm = active(command.alarmId());
        AlarmResolution.refusal(alarm).ifPresent(reason -> {
            throw new ResolveNotAllowedException(command.alarmId(), reason);
        });
        apply(new AlarmResolvedEvent(command.alarmId(), sessionId, chairId, alarm.rule(), command.user(),
                command.reason(), command.at()));
        apply(new AlarmClearedEvent(command.alarmId(), sessionId, chairId, command.at()));
    }

    /**
     * A nurse overrides a drug-library soft-limit advisory with a reason: who and why are recorded, and the
     * advisory clears. Hard limits cannot be overridden (docs/DOMAIN.md, "Infusion pumps").
     *
     * @throws AlarmNotActiveException       when the alarm is unknown or already cleared
     * @throws OverrideNotAllowedException   when the alarm is not a soft-limit advisory
     */
    @CommandHandler
    void handle(OverrideSoftLimitCommand command) {
        requireRunning("override a soft limit");
        requireUser(command.user(), "an override");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("an override of a soft limit needs a reason");
        }
        requireNonNull(command.at(), "the time of the override");
        requireNonNull(command.alarmId(), "alarm id");
        ActiveAlarm alarm = active(command.alarmId());
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

    /**
     * Escalates an alarm nobody acknowledged in time (IHE PCD ACM secondary notification). Idempotent: an alarm
     * already acknowledged, escalated or cleared is left as it is, as the deadline may pass while a nurse
     * acknowledges.
     *
     * @return {@code true} when the alarm was escalated now
     * @throws AlarmNotActiveException when the session never had the alarm
     */
    @CommandHandler
    boolean handle(EscalateAlarmCommand command) {
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

    /** The chair is free: every alarm still active clears with it. */
    void clearAll(Instant at) {
        for (String alarmId : List.copyOf(activeAlarms.keySet())) {
            apply(new AlarmClearedEvent(new AlarmId(alarmId), sessionId, chairId, at));
        }
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        chairId = event.chairId();
    }

    @EventSourcingHandler
    void on(AlarmRaisedEvent event) {
        raisedAlarmIds.add(event.alarmId().value());
        activeAlarms.put(event.alarmId().value(), new ActiveAlarm(event.rule(), event.priority(), event.kind()));
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
    void on(AlarmEscalatedEvent event) {
        activeAlarms.computeIfPresent(event.alarmId().value(), (id, alarm) -> alarm.escalate());
    }

    @EventSourcingHandler
    void on(AlarmClearedEvent event) {
        activeAlarms.remove(event.alarmId().value());
    }

    @EventSourcingHandler
    void on(AudioPausedEvent event) {
        audioPause = new AudioPause(event.user(), event.until());
    }

    @EventSourcingHandler
    void on(AudioPauseEndedEvent event) {
        audioPause = null;
    }

    @EventSourcingHandler
    void on(SessionEndedEvent event) {
        ended = true;
    }

    /** The alarm if it is active; an unknown or cleared one is refused, saying which of the two it is. */
    private ActiveAlarm active(AlarmId alarmId) {
        ActiveAlarm alarm = activeAlarms.get(alarmId.value());
        if (alarm == null) {
            throw new AlarmNotActiveException(sessionId, alarmId, raisedAlarmIds.contains(alarmId.value()));
        }
        return alarm;
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
        CommandChecks.requireRunning(ended, sessionId, what);
    }
}
