package org.vigil.core.alarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;

/**
 * A pump's own alarms as technical alarms on its chair (docs/DOMAIN.md, "Alarm rules": technical, pump alarm;
 * "Infusion pumps": occlusion, air-in-line, door open, infusion complete, low battery). A pump reports every alarm
 * active at that moment, so an alarm it no longer reports has ended; technical alarms never latch, so it clears.
 * One rule per kind of alarm; both occlusions are one rule, since a nurse does the same for either.
 */
final class PumpAlarmRules {

    static final String OCCLUSION = "pump-occlusion";
    static final String AIR_IN_LINE = "pump-air-in-line";
    static final String DOOR_OPEN = "pump-door-open";
    static final String INFUSION_COMPLETE = "pump-infusion-complete";
    static final String LOW_BATTERY = "pump-low-battery";
    static final String OTHER = "pump-alarm";

    static final List<String> NAMES = List.of(OCCLUSION, AIR_IN_LINE, DOOR_OPEN, INFUSION_COMPLETE, LOW_BATTERY,
            OTHER);

    private PumpAlarmRules() {
    }

    static String ruleFor(PumpAlarmKind kind) {
        return switch (kind == null ? PumpAlarmKind.OTHER : kind) {
            case OCCLUSION_DOWNSTREAM, OCCLUSION_UPSTREAM -> OCCLUSION;
            case AIR_IN_LINE -> AIR_IN_LINE;
            case DOOR_OPEN -> DOOR_OPEN;
            case INFUSION_COMPLETE -> INFUSION_COMPLETE;
            case LOW_BATTERY -> LOW_BATTERY;
            case OTHER -> OTHER;
        };
    }

    /**
     * The priority when the pump gave none: an occlusion or air in the line stops delivery or endangers the
     * patient (HIGH); an open door stops the pump until closed (MEDIUM); completion and a low battery call for
     * awareness (LOW).
     */
    static AlarmPriority defaultPriority(PumpAlarmKind kind) {
        return switch (kind == null ? PumpAlarmKind.OTHER : kind) {
            case OCCLUSION_DOWNSTREAM, OCCLUSION_UPSTREAM, AIR_IN_LINE -> AlarmPriority.HIGH;
            case DOOR_OPEN, OTHER -> AlarmPriority.MEDIUM;
            case INFUSION_COMPLETE, LOW_BATTERY -> AlarmPriority.LOW;
        };
    }

    /**
     * The rule's decision from the alarms each pump of the session reported last: a condition at the highest
     * priority among the alarms of this rule, naming each; normal when no pump reports one; not applicable before
     * any pump reported.
     */
    static RuleDecision decide(String rule, Map<DeviceId, List<PumpAlarm>> alarmsByPump) {
        if (alarmsByPump.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        List<String> messages = new ArrayList<>();
        AlarmPriority highest = null;
        for (Map.Entry<DeviceId, List<PumpAlarm>> pump : alarmsByPump.entrySet()) {
            List<PumpAlarm> alarms = pump.getValue().stream()
                    .filter(alarm -> ruleFor(alarm.kind()).equals(rule))
                    .sorted(Comparator.comparing(PumpAlarmRules::priorityOf))
                    .toList();
            for (PumpAlarm alarm : alarms) {
                AlarmPriority priority = priorityOf(alarm);
                highest = highest == null || priority.isHigherThan(highest) ? priority : highest;
                messages.add(describe(pump.getKey(), alarm, priority));
            }
        }
        if (highest == null) {
            return RuleDecision.NORMAL;
        }
        return new Condition(highest, AlarmKind.TECHNICAL, String.join("; ", messages), null);
    }

    /** High-priority pump alarms stop the infusion (docs/DOMAIN.md, "Infusion pumps"): the message says so. */
    static String describe(DeviceId pump, PumpAlarm alarm, AlarmPriority priority) {
        PumpAlarmKind kind = alarm.kind() == null ? PumpAlarmKind.OTHER : alarm.kind();
        StringBuilder message = new StringBuilder("Pump ").append(pump).append(": ")
                .append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (alarm.text() != null && !alarm.text().isBlank()) {
            message.append(" (").append(alarm.text().strip()).append(")");
        }
        if (alarm.stopsInfusion() || priority == AlarmPriority.HIGH) {
            message.append(", infusion stopped");
        }
        return message.toString();
    }

    private static AlarmPriority priorityOf(PumpAlarm alarm) {
        return alarm.priority() != null ? alarm.priority() : defaultPriority(alarm.kind());
    }
}
