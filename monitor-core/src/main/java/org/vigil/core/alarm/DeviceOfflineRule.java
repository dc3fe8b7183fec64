package org.vigil.core.alarm;

import java.util.List;
import java.util.stream.Collectors;
import org.vigil.core.alarm.AlarmChange.EndCondition;
import org.vigil.core.alarm.AlarmChange.Raise;
import org.vigil.core.alarm.ChairSupervision.OfflineAlarm;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;

/**
 * The technical alarm "device offline" (docs/DOMAIN.md, "Alarm rules": technical alarms, LOW-HIGH by kind): a device
 * of the chair was disconnected or sent nothing usable for the clinic protocol's silence time, whichever came
 * first. A pure function of the chair's situation, so that it is decided the same way live and in tests.
 *
 * <p>One alarm per chair names every device that is offline, because the session keeps one active alarm per rule
 * and priority. A device that goes offline while the alarm is active is a new condition: the alarm is replaced by
 * one naming it too, so that it sounds again even if the first was acknowledged (IEC 60601-1-8: acknowledging
 * silences that condition only). A device coming back while others stay offline keeps the alarm as it is; the
 * last one coming back ends it, and a technical alarm never latches, so it clears.
 */
final class DeviceOfflineRule {

    /** The stable name recorded as the alarm's rule; never rename it. */
    static final String NAME = "device-offline";

    /**
     * MEDIUM, prompt response (IEC 60601-1-8): Vigil's surveillance of the chair is lost, so a threshold crossing
     * would go unseen at the nurses' station; but the device itself still measures, infuses and sounds its own
     * alarms at the chair, where the patient is observed in person. It is not HIGH, which is kept for an
     * immediate threat to the patient (docs/DOMAIN.md, "Alarm behaviour").
     */
    static final AlarmPriority PRIORITY = AlarmPriority.MEDIUM;

    private DeviceOfflineRule() {
    }

    /**
     * The changes the chair's situation calls for: none without a session; a raise when a device is offline and no
     * alarm covers it (ending the alarm it replaces first, so that the session accepts the new one); the end of
     * the condition when no device is offline any more.
     */
    static List<AlarmChange> changes(ChairSupervision chair) {
        if (chair.session() == null) {
            return List.of();
        }
        OfflineAlarm alarm = chair.alarm();
        if (chair.offline().isEmpty()) {
            return alarm == null ? List.of() : List.of(new EndCondition(alarm.alarmId()));
        }
        Raise raise = new Raise(NAME, condition(chair.offline()));
        if (alarm == null) {
            return List.of(raise);
        }
        List<DeviceId> offline = chair.offline().stream().map(OfflineDevice::deviceId).toList();
        if (alarm.covers().containsAll(offline)) {
            return List.of();
        }
        return List.of(new EndCondition(alarm.alarmId()), raise);
    }

    static Condition condition(List<OfflineDevice> offline) {
        String message = offline.stream().map(OfflineDevice::describe).collect(Collectors.joining("; "));
        return new Condition(PRIORITY, AlarmKind.TECHNICAL, message, null);
    }
}
