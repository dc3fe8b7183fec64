package org.vigil.core.session;

import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;

/**
 * What the session must know of an alarm that is still active to decide the next step of its lifecycle.
 *
 * @param conditionEnded the condition no longer holds, but the alarm latched and waits for acknowledgement
 * @param escalated      nobody acknowledged it in time and it went to the next person
 */
record ActiveAlarm(String rule, AlarmPriority priority, AlarmKind kind, boolean acknowledged,
                   boolean conditionEnded, boolean escalated) {

    ActiveAlarm(String rule, AlarmPriority priority, AlarmKind kind) {
        this(rule, priority, kind, false, false, false);
    }

    /** IEC 60601-1-8 as applied in docs/DOMAIN.md: HIGH physiological alarms latch; technical alarms never do. */
    boolean latches() {
        return priority == AlarmPriority.HIGH && kind == AlarmKind.PHYSIOLOGICAL;
    }

    /** Still sounding: active and nobody acknowledged it. */
    boolean sounding() {
        return !acknowledged;
    }

    ActiveAlarm acknowledge() {
        return new ActiveAlarm(rule, priority, kind, true, conditionEnded, escalated);
    }

    ActiveAlarm endCondition() {
        return new ActiveAlarm(rule, priority, kind, acknowledged, true, escalated);
    }

    ActiveAlarm escalate() {
        return new ActiveAlarm(rule, priority, kind, acknowledged, conditionEnded, true);
    }
}
