package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;

/** A pump's own alarms as technical alarms on the chair (docs/DOMAIN.md, "Infusion pumps"). */
class PumpAlarmRulesTest {

    private static final DeviceId PUMP = new DeviceId("pump-1");

    @ParameterizedTest(name = "{0} at {1}, stops: {2} -> {3} {4}")
    @CsvSource(nullValues = "", value = {
            "OCCLUSION_DOWNSTREAM, HIGH,   true,  pump-occlusion,         HIGH,   'Pump pump-1: occlusion downstream (OCCL), infusion stopped'",
            "OCCLUSION_UPSTREAM,   ,       false, pump-occlusion,         HIGH,   'Pump pump-1: occlusion upstream (OCCL), infusion stopped'",
            "AIR_IN_LINE,          HIGH,   false, pump-air-in-line,       HIGH,   'Pump pump-1: air in line (OCCL), infusion stopped'",
            "DOOR_OPEN,            MEDIUM, true,  pump-door-open,         MEDIUM, 'Pump pump-1: door open (OCCL), infusion stopped'",
            "DOOR_OPEN,            ,       false, pump-door-open,         MEDIUM, 'Pump pump-1: door open (OCCL)'",
            "INFUSION_COMPLETE,    ,       false, pump-infusion-complete, LOW,    'Pump pump-1: infusion complete (OCCL)'",
            "LOW_BATTERY,          LOW,    false, pump-low-battery,       LOW,    'Pump pump-1: low battery (OCCL)'",
            "LOW_BATTERY,          MEDIUM, false, pump-low-battery,       MEDIUM, 'Pump pump-1: low battery (OCCL)'",
            "OTHER,                ,       false, pump-alarm,             MEDIUM, 'Pump pump-1: other (OCCL)'",
    })
    void aPumpAlarmIsATechnicalAlarmOfItsKind(PumpAlarmKind kind, AlarmPriority priority, boolean stops, String rule,
                                              AlarmPriority expectedPriority, String expectedMessage) {
        // given
        Map<DeviceId, List<PumpAlarm>> alarms = Map.of(PUMP, List.of(new PumpAlarm(kind, priority, "OCCL", stops)));

        // when
        RuleDecision decision = PumpAlarmRules.decide(rule, alarms);

        // then
        assertThat(PumpAlarmRules.ruleFor(kind)).isEqualTo(rule);
        assertThat(decision).isEqualTo(new Condition(expectedPriority, AlarmKind.TECHNICAL, expectedMessage, null));
    }

    @Test
    void anAlarmThePumpNoLongerReportsHasEnded() {
        // given
        Map<DeviceId, List<PumpAlarm>> alarms = Map.of(PUMP, List.of(
                new PumpAlarm(PumpAlarmKind.LOW_BATTERY, AlarmPriority.LOW, null, false)));

        // when / then
        assertThat(PumpAlarmRules.decide(PumpAlarmRules.OCCLUSION, alarms)).isEqualTo(RuleDecision.NORMAL);
        assertThat(PumpAlarmRules.decide(PumpAlarmRules.OCCLUSION, Map.of(PUMP, List.of())))
                .isEqualTo(RuleDecision.NORMAL);
    }

    @Test
    void nothingIsKnownBeforeAnyPumpReported() {
        // when / then
        assertThat(PumpAlarmRules.decide(PumpAlarmRules.OCCLUSION, Map.of())).isEqualTo(RuleDecision.NOT_APPLICABLE);
    }

    @Test
    void theHighestPriorityOfAllPumpsOfTheChairCountsAndEachIsNamed() {
        // given
        Map<DeviceId, List<PumpAlarm>> alarms = new LinkedHashMap<>();
        alarms.put(PUMP, List.of(new PumpAlarm(PumpAlarmKind.OCCLUSION_UPSTREAM, AlarmPriority.MEDIUM, null, false)));
        alarms.put(new DeviceId("pump-2"),
                List.of(new PumpAlarm(PumpAlarmKind.OCCLUSION_DOWNSTREAM, AlarmPriority.HIGH, null, true)));

        // when
        RuleDecision decision = PumpAlarmRules.decide(PumpAlarmRules.OCCLUSION, alarms);

        // then
        assertThat(decision).isEqualTo(new Condition(AlarmPriority.HIGH, AlarmKind.TECHNICAL,
                "Pump pump-1: occlusion upstream; Pump pump-2: occlusion downstream, infusion stopped", null));
    }
}
