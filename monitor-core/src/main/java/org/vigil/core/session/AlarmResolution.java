package org.vigil.core.session;

import java.util.Optional;
import org.vigil.core.api.AlarmKind;

/**
 * Which alarms a user may resolve by hand. Resolving says "I fixed the cause": it makes sense for a technical alarm
 * whose condition is checked again on the device's next message, so that a cause that was not fixed raises it
 * again at once. It does not for a physiological alarm (the patient's values end it, an acknowledgement silences
 * it), nor for the technical alarms decided only when something changes or time passes, which a resolve would
 * silence for good while their cause stays: a device that is offline, a blood pressure that is stale.
 */
final class AlarmResolution {

    /** Decided on device events only (connect, silence, recovery): cleared when the device is back. */
    static final String DEVICE_OFFLINE = "device-offline";
    /** Decided on the clock: cleared by the next cuff reading. */
    static final String NIBP_STALE = "nibp-stale";

    private AlarmResolution() {
    }

    /** Why the alarm cannot be resolved by hand, or empty when it can. */
    static Optional<String> refusal(ActiveAlarm alarm) {
        if (alarm.kind() != AlarmKind.TECHNICAL) {
            return Optional.of("a physiological alarm (" + alarm.rule() + ") ends with the patient's values and is "
                    + "acknowledged, not resolved");
        }
        if (DEVICE_OFFLINE.equals(alarm.rule())) {
            return Optional.of("device-offline clears by itself when the device is back; it cannot be resolved by "
                    + "hand");
        }
        if (NIBP_STALE.equals(alarm.rule())) {
            return Optional.of("nibp-stale clears with the next cuff reading; it cannot be resolved by hand");
        }
        return Optional.empty();
    }
}
