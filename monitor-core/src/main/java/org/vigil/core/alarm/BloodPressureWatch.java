package org.vigil.core.alarm;

import java.time.Instant;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmId;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpStatus;
import org.vigil.core.api.PumpStatusChangedEvent;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Vital;

/**
 * What the NIBP-stale decision knows of one session: where the cadence counts from, the last cuff reading and the
 * stale alarm, if one is active. Dosing starts when a pump first infuses, as the chair view counts it.
 */
final class BloodPressureWatch implements FoldedSession {

    private final Instant sessionStart;
    private Instant doseStart;
    private Instant lastReading;
    private AlarmId staleAlarm;

    private BloodPressureWatch(Instant sessionStart) {
        this.sessionStart = sessionStart;
    }

    static BloodPressureWatch started(SessionStartedEvent event) {
        return new BloodPressureWatch(event.startedAt());
    }

    @Override
    public synchronized void apply(Object event) {
        if (event instanceof ObservationsRecordedEvent recorded && isReading(recorded)) {
            if (lastReading == null || recorded.receivedAt().isAfter(lastReading)) {
                lastReading = recorded.receivedAt();
            }
        } else if (event instanceof PumpStatusChangedEvent changed && changed.to() == PumpStatus.INFUSING
                && doseStart == null) {
            doseStart = changed.deviceTime() != null ? changed.deviceTime() : changed.receivedAt();
        } else if (event instanceof AlarmRaisedEvent raised && NibpStaleRule.NAME.equals(raised.rule())) {
            staleAlarm = raised.alarmId();
        } else if (event instanceof AlarmClearedEvent cleared && cleared.alarmId().equals(staleAlarm)) {
            staleAlarm = null;
        }
    }

    /** A message with a systolic value: a completed cuff measurement. */
    static boolean isReading(ObservationsRecordedEvent event) {
        return event.observations().stream()
                .anyMatch(o -> o.available() && o.mdcCode() == Vital.NIBP_SYSTOLIC.mdcCode());
    }

    synchronized Instant cadenceStart() {
        return doseStart != null ? doseStart : sessionStart;
    }

    synchronized Instant lastReading() {
        return lastReading;
    }

    synchronized AlarmId staleAlarm() {
        return staleAlarm;
    }
}
