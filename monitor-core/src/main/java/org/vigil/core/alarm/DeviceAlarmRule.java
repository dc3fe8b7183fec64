package org.vigil.core.alarm;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;

/**
 * A device's own alarm, as IHE PCD-04 reports it, on the chair of the device: its START raises it, its END ends
 * its condition; an UPDATE keeps it (or raises it, when its START was missed). The alarm keeps the device's
 * priority and kind; physiological ones latch like Vigil's own.
 *
 * <p>The rule is named {@code device-alarm:<alarm code>}. Alarms of one code from several devices, or with
 * several alarm ids, make one alarm on the chair (the session keeps one per rule and priority), which ends when
 * the last of them ends.
 */
final class DeviceAlarmRule {

    static final String PREFIX = "device-alarm:";

    /** A report that gives no priority: prompt response, as nothing says it may wait. */
    static final AlarmPriority DEFAULT_PRIORITY = AlarmPriority.MEDIUM;

    /** A report that gives no type: an equipment alarm, which never latches, so its END always clears it. */
    static final AlarmKind DEFAULT_KIND = AlarmKind.TECHNICAL;

    private DeviceAlarmRule() {
    }

    static String ruleFor(DeviceAlarmReport report) {
        String code = report.alarmCode();
        return PREFIX + (code == null || code.isBlank() ? "unknown" : code.strip());
    }

    /** What matches the phases of one alarm: the device and its alarm id (the code and source when it has none). */
    static String keyOf(DeviceAlarmReport report) {
        String alarm = report.alarmId() != null && !report.alarmId().isBlank() ? report.alarmId()
                : report.alarmCode() + "@" + report.sourceMdcCode();
        return report.deviceId() + "/" + alarm;
    }

    /** A condition at the highest priority among the device alarms of one rule still open; normal when none is. */
    static RuleDecision decide(Collection<DeviceAlarmReport> open) {
        if (open.isEmpty()) {
            return RuleDecision.NORMAL;
        }
        List<DeviceAlarmReport> byPriority = open.stream()
                .sorted(Comparator.comparing(DeviceAlarmRule::priorityOf)).toList();
        DeviceAlarmReport first = byPriority.get(0);
        String message = byPriority.stream().map(DeviceAlarmRule::describe).collect(Collectors.joining("; "));
        return new Condition(priorityOf(first), first.kind() != null ? first.kind() : DEFAULT_KIND, message, null);
    }

    static String describe(DeviceAlarmReport report) {
        String text = report.text() != null && !report.text().isBlank() ? report.text().strip() : report.alarmCode();
        return "Device " + report.deviceId() + ": " + text;
    }

    private static AlarmPriority priorityOf(DeviceAlarmReport report) {
        return report.priority() != null ? report.priority() : DEFAULT_PRIORITY;
    }
}
