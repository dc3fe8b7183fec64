package org.vigil.query.interlock;

import java.util.List;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.protocol.PumpInterlock;

/**
 * Which pumps of a chair an alarm pauses: none unless the clinic selected the alarm's rule and the alarm is a HIGH
 * physiological one; then each pump of the chair that is infusing and speaks a protocol the clinic lets Vigil
 * command. A pump that is paused, stopped, finished or keeping the vein open is left as it is.
 */
final class PauseDecision {

    /**
     * A pump at the alarm's chair as Vigil knows it.
     *
     * @param protocol the device protocol of its configuration entry
     * @param status   its last reported status, {@code null} if none yet
     */
    record ChairPump(DeviceId device, String protocol, PumpStatus status) {
    }

    private PauseDecision() {
    }

    static List<DeviceId> pumpsToPause(PumpInterlock interlock, AlarmRaisedEvent alarm, List<ChairPump> pumps) {
        if (alarm.kind() != AlarmKind.PHYSIOLOGICAL || !interlock.pausesOn(alarm.rule(), alarm.priority())) {
            return List.of();
        }
        return pumps.stream()
                .filter(pump -> pump.status() == PumpStatus.INFUSING && interlock.commands(pump.protocol()))
                .map(ChairPump::device)
                .toList();
    }
}
