package org.vigil.core.alarm;

import java.util.List;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.AlarmThresholds;

/**
 * The technical alarms decided from one device message (docs/DOMAIN.md, "Alarm rules": technical, LOW-HIGH by kind):
 * a value the device reports as not available, and a failed cuff measurement. Device offline, a stale blood
 * pressure and the pumps' alarms are decided elsewhere, as they are not about one message.
 *
 * <p>There is one sensor-off rule per vital, because a chair may have two devices (an oximeter and an ECG), each
 * message carrying only its own vitals: a message without the vital says nothing about its sensor.
 */
final class TechnicalAlarmRules {

    /**
     * MEDIUM, prompt response: the vital is no longer watched, and during ketamine sedation SpO2 and heart rate
     * are the signs of respiratory and cardiac trouble; but the patient is not known to be in danger, which is HIGH
     * (IEC 60601-1-8). The same priority as device offline, which loses every vital of the device.
     */
    static final AlarmPriority SENSOR_OFF_PRIORITY = AlarmPriority.MEDIUM;

    /** LOW, awareness: the cuff tries again on its next cycle, and a blood pressure that stays missing is stale. */
    static final AlarmPriority NIBP_FAILED_PRIORITY = AlarmPriority.LOW;

    static final AlarmRule SENSOR_OFF_SPO2 = new AlarmRule("sensor-off-spo2",
            (readings, patient, thresholds) -> sensorOff(readings, Vital.SPO2, "SpO2"));
    static final AlarmRule SENSOR_OFF_HEART_RATE = new AlarmRule("sensor-off-hr",
            (readings, patient, thresholds) -> sensorOff(readings, Vital.HEART_RATE, "HR"));
    static final AlarmRule NIBP_FAILED = new AlarmRule("nibp-failed", TechnicalAlarmRules::nibpFailed);

    static final List<AlarmRule> ALL = List.of(SENSOR_OFF_SPO2, SENSOR_OFF_HEART_RATE, NIBP_FAILED);

    private TechnicalAlarmRules() {
    }

    /** The message carries the vital as not available: sensor off, or no value it can trust. */
    static RuleDecision sensorOff(Readings readings, Vital vital, String label) {
        if (!readings.carries(vital)) {
            return RuleDecision.NOT_APPLICABLE;
        }
        return readings.notAvailable(vital)
                ? new Condition(SENSOR_OFF_PRIORITY, AlarmKind.TECHNICAL,
                        label + " not available: sensor off or no signal", null)
                : RuleDecision.NORMAL;
    }

    /** A cuff message whose systolic is not available: the measurement failed (motion, a loose cuff). */
    static RuleDecision nibpFailed(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        if (!readings.carries(Vital.NIBP_SYSTOLIC)) {
            return RuleDecision.NOT_APPLICABLE;
        }
        return readings.notAvailable(Vital.NIBP_SYSTOLIC)
                ? new Condition(NIBP_FAILED_PRIORITY, AlarmKind.TECHNICAL, "NIBP measurement failed", null)
                : RuleDecision.NORMAL;
    }
}
