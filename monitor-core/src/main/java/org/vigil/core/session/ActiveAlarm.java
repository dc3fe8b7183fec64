package org.vigil.core.session;

import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;

/**
 * What the session must know of an alarm that is still active to decide the next step of its lifecycle.
 *
 * @param conditionEnded the condition no longer holds, but the alarm latched and waits for acknowledgement
 */
record ActiveAlarm(String rule, AlarmPriority priority, AlarmKind kind, boolean acknowledged,
                   boolean conditionEnded) {

    /** IEC 60601-1-8 as applied in DOMAIN.md: HIGH physiological alarms latch; technical alarms never do. */
    boolean latches() {
        return priority == AlarmPriority.HIGH && kind == AlarmKind.PHYSIOLOGICAL;
    }

    ActiveAlarm acknowledge() {
        return new ActiveAlarm(rule, priority, kind, true, conditionEnded);
    }

    ActiveAlarm endCondition() {
        return new ActiveAlarm(rule, priority, kind, acknowledged, true);
    }
}
