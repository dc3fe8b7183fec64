package org.vigil.query.chairs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.core.api.AlarmView;
import org.vigil.core.api.ChairDeviceView;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpView;
import org.vigil.core.api.SessionSummary;
import org.vigil.core.api.Vital;
import org.vigil.core.api.VitalReading;

/** What the chairs projection keeps per chair; what depends on the time of asking is added when it is shown. */
record ChairState(ChairId chairId, SessionSummary session, String phase, Instant doseStartedAt,
                  Map<Vital, VitalReading> vitals, PumpView pump, List<AlarmView> alarms,
                  Map<DeviceId, ChairDeviceView> devices) {

    ChairState withSession(SessionSummary next) {
        return new ChairState(chairId, next, null, null, Map.of(), null, List.of(), devices);
    }

    ChairState withVitals(Map<Vital, VitalReading> next) {
        return new ChairState(chairId, session, phase, doseStartedAt, next, pump, alarms, devices);
    }

    ChairState withAlarms(List<AlarmView> next) {
        return new ChairState(chairId, session, phase, doseStartedAt, vitals, pump, next, devices);
    }

    ChairState withDevices(Map<DeviceId, ChairDeviceView> next) {
        return new ChairState(chairId, session, phase, doseStartedAt, vitals, pump, alarms, next);
    }

    ChairState withPump(PumpView next) {
        return new ChairState(chairId, session, phase, doseStartedAt, vitals, next, alarms, devices);
    }

    ChairState withPhase(String nextPhase, Instant nextDoseStartedAt) {
        return new ChairState(chairId, session, nextPhase, nextDoseStartedAt, vitals, pump, alarms, devices);
    }
}
