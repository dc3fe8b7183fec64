package org.vigil.core.alarm;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.SessionId;

/**
 * What the device-offline rule needs to know of one chair, as recorded by the events.
 *
 * @param session the session running at the chair, {@code null} when none runs
 * @param offline the chair's devices that send nothing usable, in the order they went offline
 * @param alarm   the session's device-offline alarm whose condition still holds, {@code null} when there is none
 */
record ChairSupervision(SessionId session, List<OfflineDevice> offline, OfflineAlarm alarm) {

    ChairSupervision {
        offline = List.copyOf(offline);
    }

    /** When the earliest outage of the chair's offline devices began. */
    Instant offlineSince() {
        return offline.stream().map(OfflineDevice::since).min(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * An active device-offline alarm.
     *
     * @param covers the devices that were offline when it was raised: the ones its message names
     */
    record OfflineAlarm(AlarmId alarmId, Set<DeviceId> covers) {

        OfflineAlarm {
            covers = Set.copyOf(covers);
        }
    }
}
