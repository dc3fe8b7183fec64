package org.vigil.core.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.alarm.RuleDecision.Normal;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.SessionStartedEvent;

/**
 * What {@link VitalSignAlarms} knows of one session: the patient, and the alarms still active as recorded by the
 * session's own events. Decisions are compared with this state so that only a change is recorded.
 * Every update is idempotent, so an event folded while rebuilding and then handled again changes nothing.
 */
final class SessionAlarms implements FoldedSession {

    private final PatientContext patient;
    private final List<TrackedAlarm> active = new ArrayList<>();
    private final Map<String, Instant> pendingSince = new HashMap<>();

    private SessionAlarms(PatientContext patient) {
        this.patient = patient;
    }

    static SessionAlarms started(SessionStartedEvent event) {
        return new SessionAlarms(PatientContext.of(event));
    }

    PatientContext patient() {
        return patient;
    }

    /** Folds the session's alarm events; a decision handler whose state holds these alarms passes its events on. */
    @Override
    public void apply(Object event) {
        if (event instanceof AlarmRaisedEvent raised) {
            raised(raised);
        } else if (event instanceof AlarmConditionEndedEvent ended) {
            conditionEnded(ended);
        } else if (event instanceof AlarmClearedEvent cleared) {
            cleared(cleared);
        }
    }

    synchronized void raised(AlarmRaisedEvent event) {
        if (find(event.alarmId()) == null) {
            active.add(new TrackedAlarm(event.alarmId(), event.rule(), event.priority(), true));
        }
    }

    synchronized void conditionEnded(AlarmConditionEndedEvent event) {
        TrackedAlarm alarm = find(event.alarmId());
        if (alarm != null) {
            active.set(active.indexOf(alarm), alarm.withConditionEnded());
        }
    }

    synchronized void cleared(AlarmClearedEvent event) {
        active.removeIf(alarm -> alarm.alarmId().equals(event.alarmId()));
    }

    /**
     * The changes a rule's decision makes to the active alarms: a new condition raises an alarm unless one of the
     * same priority is active for the rule; a condition at another priority raises that one and ends the old
     * condition; a normal decision ends every condition of the rule. Not applicable changes nothing.
     */
    synchronized List<AlarmChange> changesFor(String rule, RuleDecision decision) {
        return changesFor(rule, decision, null, priority -> Duration.ZERO);
    }

    /**
     * The changes a rule's decision makes when its condition must last a delay before the alarm is raised
     * (IEC 60601-1-8 alarm condition delay; docs/DOMAIN.md, "Alarm behaviour"). The condition is pending from the first
     * message that meets it; the alarm is raised on the first message at or after that moment plus the delay of
     * the priority it now has, recording when the condition began. A normal decision within the delay forgets the
     * pending condition, so nothing is raised. A condition that worsens past a raised alarm keeps it until the
     * worse one is raised; one that improves ends the worse alarm's condition at once.
     *
     * <p>Pending conditions are kept in memory only: after a restart a condition starts its delay again from the
     * first message that meets it, which raises its alarm at most one delay later than without the restart.
     *
     * @param at    when the message arrived, by Vigil's clock; {@code null} for a rule without delay
     * @param delay the rule's condition delay for a priority
     */
    synchronized List<AlarmChange> changesFor(String rule, RuleDecision decision, Instant at,
                                              Function<AlarmPriority, Duration> delay) {
        List<AlarmChange> changes = new ArrayList<>();
        if (decision instanceof Condition condition) {
            Instant since = at == null ? null : pendingSince.computeIfAbsent(rule, r -> at);
            AlarmPriority priority = condition.priority();
            boolean samePriorityActive = active.stream()
                    .anyMatch(alarm -> alarm.rule().equals(rule) && alarm.priority() == priority);
            boolean due = since == null || !at.isBefore(since.plus(delay.apply(priority)));
            if (!samePriorityActive && due) {
                changes.add(new Raise(rule, condition, since));
            }
            endConditions(rule, alarm -> alarm.priority().isHigherThan(priority)
                    || (samePriorityActive || due) && priority.isHigherThan(alarm.priority()), changes);
        } else if (decision instanceof Normal) {
            pendingSince.remove(rule);
            endConditions(rule, alarm -> true, changes);
        }
        return changes;
    }

    private void endConditions(String rule, Predicate<TrackedAlarm> which, List<AlarmChange> changes) {
        for (TrackedAlarm alarm : active) {
            if (alarm.rule().equals(rule) && alarm.conditionHolds() && which.test(alarm)) {
                changes.add(new EndCondition(alarm.alarmId()));
            }
        }
    }

    private TrackedAlarm find(AlarmId alarmId) {
        return active.stream().filter(alarm -> alarm.alarmId().equals(alarmId)).findFirst().orElse(null);
    }

    private record TrackedAlarm(AlarmId alarmId, String rule, AlarmPriority priority, boolean conditionHolds) {

        TrackedAlarm withConditionEnded() {
            return new TrackedAlarm(alarmId, rule, priority, false);
        }
    }
}
