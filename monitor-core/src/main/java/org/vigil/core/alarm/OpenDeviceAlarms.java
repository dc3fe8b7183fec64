package org.vigil.core.alarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceAlarmReportedEvent;
import org.vigil.core.api.SessionStartedEvent;

/**
 * The device alarms (IHE PCD-04) of one session that started and have not ended, by rule, folded from the
 * session's events only; and the session's active alarms.
 */
final class OpenDeviceAlarms implements FoldedSession {

    private final SessionAlarms alarms;
    private final Map<String, Map<String, DeviceAlarmReport>> openByRule = new LinkedHashMap<>();

    private OpenDeviceAlarms(SessionStartedEvent started) {
        this.alarms = SessionAlarms.started(started);
    }

    static OpenDeviceAlarms started(SessionStartedEvent event) {
        return new OpenDeviceAlarms(event);
    }

    @Override
    public synchronized void apply(Object event) {
        if (event instanceof DeviceAlarmReportedEvent reported) {
            DeviceAlarmReport report = reported.report();
            Map<String, DeviceAlarmReport> open =
                    openByRule.computeIfAbsent(DeviceAlarmRule.ruleFor(report), rule -> new LinkedHashMap<>());
            if (report.phase() == AlarmPhase.END) {
                open.remove(DeviceAlarmRule.keyOf(report));
            } else {
                open.put(DeviceAlarmRule.keyOf(report), report);
            }
        } else {
            alarms.apply(event);
        }
    }

    SessionAlarms alarms() {
        return alarms;
    }

    /** The device alarms of a rule still open, highest priority decided by {@link DeviceAlarmRule#decide}. */
    synchronized List<DeviceAlarmReport> open(String rule) {
        return new ArrayList<>(openByRule.getOrDefault(rule, Map.of()).values());
    }
}
