package org.vigil.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;

/** A device's own alarm (IHE PCD-04) as an alarm on its chair. */
class DeviceAlarmRuleTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:10:00Z");

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(nullValues = "", value = {
            "HIGH,   PHYSIOLOGICAL, HIGH,   PHYSIOLOGICAL",
            "MEDIUM, TECHNICAL,     MEDIUM, TECHNICAL",
            "LOW,    ,              LOW,    TECHNICAL",
            ",       PHYSIOLOGICAL, MEDIUM, PHYSIOLOGICAL",
            ",       ,              MEDIUM, TECHNICAL",
    })
    void keepsTheDevicesPriorityAndKind(AlarmPriority priority, AlarmKind kind, AlarmPriority expectedPriority,
                                        AlarmKind expectedKind) {
        // given
        DeviceAlarmReport report = report("monitor-1", "a1", "196648^MDC_EVT_HI^MDC", "NIBP SYS HIGH", priority, kind);

        // when
        RuleDecision decision = DeviceAlarmRule.decide(List.of(report));

        // then
        assertThat(decision).isEqualTo(new Condition(expectedPriority, expectedKind,
                "Device monitor-1: NIBP SYS HIGH", null));
    }

    @Test
    void namesTheRuleByTheAlarmCodeAndMatchesPhasesByDeviceAndAlarmId() {
        // given
        DeviceAlarmReport start = report("pump-1", "77", "196656", "Occlusion", AlarmPriority.HIGH, null);
        DeviceAlarmReport withoutId = report("pump-1", null, " ", null, AlarmPriority.HIGH, null);

        // when / then
        assertThat(DeviceAlarmRule.ruleFor(start)).isEqualTo("device-alarm:196656");
        assertThat(DeviceAlarmRule.keyOf(start)).isEqualTo("pump-1/77");
        assertThat(DeviceAlarmRule.ruleFor(withoutId)).isEqualTo("device-alarm:unknown");
        assertThat(DeviceAlarmRule.keyOf(withoutId)).isEqualTo("pump-1/ @157784");
    }

    @Test
    void theHighestOpenAlarmOfTheRuleDecidesAndNoneOpenIsNormal() {
        // given
        DeviceAlarmReport low = report("monitor-1", "1", "196616", "lead off", AlarmPriority.LOW, AlarmKind.TECHNICAL);
        DeviceAlarmReport high = report("monitor-2", "2", "196616", "SpO2 probe off", AlarmPriority.HIGH,
                AlarmKind.TECHNICAL);

        // when / then
        assertThat(DeviceAlarmRule.decide(List.of(low, high))).isEqualTo(new Condition(AlarmPriority.HIGH,
                AlarmKind.TECHNICAL, "Device monitor-2: SpO2 probe off; Device monitor-1: lead off", null));
        assertThat(DeviceAlarmRule.decide(List.of())).isEqualTo(RuleDecision.NORMAL);
    }

    private static DeviceAlarmReport report(String device, String alarmId, String code, String text,
                                            AlarmPriority priority, AlarmKind kind) {
        return new DeviceAlarmReport(new DeviceId(device), new MessageKey("GW", "1"), AT, AT, alarmId, code, 157784,
                text, AlarmPhase.START, priority, kind);
    }
}
