package org.vigil.core.alarm;

import java.util.ArrayList;
import java.util.List;
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
 * What the alarm projection knows of one session: the patient, and the alarms still active as recorded by the
 * session's own events. Decisions are compared with this state so that only a change is recorded.
 * Every update is idempotent, so an event folded while rebuilding and then handled again changes nothing.
 */
final class SessionAlarms {

    private final PatientContext patient;
    private final List<TrackedAlarm> active = new ArrayList<>();

    private SessionAlarms(PatientContext patient) {
        this.patient = patient;
    }

    static SessionAlarms started(SessionStartedEvent event) {
        return new SessionAlarms(PatientContext.of(event));
    }

    PatientContext patient() {
        return patient;
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
        List<AlarmChange> changes = new ArrayList<>();
        if (decision instanceof Condition condition) {
            boolean samePriorityActive = active.stream()
                    .anyMatch(alarm -> alarm.rule().equals(rule) && alarm.priority() == condition.priority());
            if (!samePriorityActive) {
                changes.add(new Raise(rule, condition));
            }
            endConditions(rule, condition.priority(), changes);
        } else if (decision instanceof Normal) {
            endConditions(rule, null, changes);
        }
        return changes;
    }

    private void endConditions(String rule, AlarmPriority keep, List<AlarmChange> changes) {
        for (TrackedAlarm alarm : active) {
            if (alarm.rule().equals(rule) && alarm.conditionHolds() && alarm.priority() != keep) {
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
