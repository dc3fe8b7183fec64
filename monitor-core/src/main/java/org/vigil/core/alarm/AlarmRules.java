package org.vigil.core.alarm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.core.alarm.Readings.HeartRate;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.AlarmDelays;
import org.vigil.core.protocol.AlarmThresholds;
import org.vigil.core.protocol.AlarmThresholds.Bradycardia;
import org.vigil.core.protocol.AlarmThresholds.Desaturation;
import org.vigil.core.protocol.AlarmThresholds.RelativeSurge;
import org.vigil.core.protocol.AlarmThresholds.SevereHypertension;
import org.vigil.core.protocol.AlarmThresholds.Tachycardia;

/**
 * Every physiological alarm rule, in one place (docs/DOMAIN.md, "Alarm rules"). Limits and condition delays come from
 * the clinic protocol; the comparisons (strictly above, at least) are those of the table there. The technical rules
 * decided per message are in {@link TechnicalAlarmRules}.
 */
final class AlarmRules {

    static final AlarmRule SEVERE_HYPERTENSION = new AlarmRule("severe-hypertension", AlarmRules::severeHypertension,
            AlarmRules::nibpDelay);
    static final AlarmRule RELATIVE_SURGE = new AlarmRule("relative-surge", AlarmRules::relativeSurge,
            AlarmRules::nibpDelay);
    static final AlarmRule HYPOTENSION = new AlarmRule("hypotension", AlarmRules::hypotension, AlarmRules::nibpDelay);
    static final AlarmRule TACHYCARDIA = new AlarmRule("tachycardia", AlarmRules::tachycardia,
            AlarmRules::heartRateDelay);
    static final AlarmRule BRADYCARDIA = new AlarmRule("bradycardia", AlarmRules::bradycardia,
            AlarmRules::heartRateDelay);
    static final AlarmRule DESATURATION = new AlarmRule("desaturation", AlarmRules::desaturation,
            AlarmRules::desaturationDelay);
    /** docs/DOMAIN.md names no delay for the respiratory rate; the clinic protocol has none to give. */
    static final AlarmRule BRADYPNEA = new AlarmRule("bradypnea", AlarmRules::bradypnea);

    static final List<AlarmRule> ALL = List.of(SEVERE_HYPERTENSION, RELATIVE_SURGE, HYPOTENSION, TACHYCARDIA,
            BRADYCARDIA, DESATURATION, BRADYPNEA);

    private AlarmRules() {
    }

    /** SBP or DBP above the absolute limits (default 180 / 110 mmHg): HIGH. */
    static RuleDecision severeHypertension(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        SevereHypertension limits = thresholds.severeHypertension();
        Optional<Double> sbp = readings.get(Vital.NIBP_SYSTOLIC);
        Optional<Double> dbp = readings.get(Vital.NIBP_DIASTOLIC);
        if (sbp.isEmpty() && dbp.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        List<String> breaches = new ArrayList<>();
        Double value = null;
        if (sbp.isPresent() && sbp.get() > limits.systolicAbove()) {
            breaches.add("SBP " + mmHg(sbp.get()) + " > " + plain(limits.systolicAbove()));
            value = sbp.get();
        }
        if (dbp.isPresent() && dbp.get() > limits.diastolicAbove()) {
            breaches.add("DBP " + mmHg(dbp.get()) + " > " + plain(limits.diastolicAbove()));
            value = value == null ? dbp.get() : value;
        }
        return breaches.isEmpty() ? RuleDecision.NORMAL : condition(AlarmPriority.HIGH, breaches, value);
    }

    /**
     * SBP or DBP risen from the patient's baseline by at least the limits (default +40 / +25 mmHg, the esketamine
     * label's measure): MEDIUM. Says nothing for a pressure whose baseline was not taken.
     */
    static RuleDecision relativeSurge(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        RelativeSurge limits = thresholds.relativeSurge();
        BaselineVitals baseline = patient.baseline();
        if (baseline == null) {
            return RuleDecision.NOT_APPLICABLE;
        }
        Optional<Double> sbp = Optional.ofNullable(baseline.systolic()).flatMap(b -> readings.get(Vital.NIBP_SYSTOLIC));
        Optional<Double> dbp = Optional.ofNullable(baseline.diastolic())
                .flatMap(b -> readings.get(Vital.NIBP_DIASTOLIC));
        if (sbp.isEmpty() && dbp.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        List<String> breaches = new ArrayList<>();
        Double value = null;
        if (sbp.isPresent() && sbp.get() >= baseline.systolic() + limits.systolicRiseAtLeast()) {
            breaches.add("SBP " + mmHg(sbp.get()) + " >= baseline " + baseline.systolic() + " + "
                    + plain(limits.systolicRiseAtLeast()));
            value = sbp.get();
        }
        if (dbp.isPresent() && dbp.get() >= baseline.diastolic() + limits.diastolicRiseAtLeast()) {
            breaches.add("DBP " + mmHg(dbp.get()) + " >= baseline " + baseline.diastolic() + " + "
                    + plain(limits.diastolicRiseAtLeast()));
            value = value == null ? dbp.get() : value;
        }
        return breaches.isEmpty() ? RuleDecision.NORMAL : condition(AlarmPriority.MEDIUM, breaches, value);
    }

    /** SBP below the limit (default 90 mmHg): MEDIUM. */
    static RuleDecision hypotension(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        double below = thresholds.hypotension().systolicBelow();
        return readings.get(Vital.NIBP_SYSTOLIC)
                .map(sbp -> sbp < below
                        ? condition(AlarmPriority.MEDIUM, List.of("SBP " + mmHg(sbp) + " < " + plain(below)), sbp)
                        : RuleDecision.NORMAL)
                .orElse(RuleDecision.NOT_APPLICABLE);
    }

    /** Heart rate above the limits (default 120 MEDIUM, 140 HIGH; OpenICE interlock warning bands). */
    static RuleDecision tachycardia(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        Tachycardia limits = thresholds.tachycardia();
        Optional<HeartRate> rate = readings.heartRate();
        if (rate.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        HeartRate hr = rate.get();
        if (hr.value() > limits.highAbove()) {
            return heartRateCondition(AlarmPriority.HIGH, hr, " > ", limits.highAbove());
        }
        if (hr.value() > limits.mediumAbove()) {
            return heartRateCondition(AlarmPriority.MEDIUM, hr, " > ", limits.mediumAbove());
        }
        return RuleDecision.NORMAL;
    }

    /** Heart rate below the limits (default 50 MEDIUM, 40 HIGH). */
    static RuleDecision bradycardia(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        Bradycardia limits = thresholds.bradycardia();
        Optional<HeartRate> rate = readings.heartRate();
        if (rate.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        HeartRate hr = rate.get();
        if (hr.value() < limits.highBelow()) {
            return heartRateCondition(AlarmPriority.HIGH, hr, " < ", limits.highBelow());
        }
        if (hr.value() < limits.mediumBelow()) {
            return heartRateCondition(AlarmPriority.MEDIUM, hr, " < ", limits.mediumBelow());
        }
        return RuleDecision.NORMAL;
    }

    /** SpO2 below the limits (default 90 MEDIUM, 85 HIGH; monitors' own desaturation limits are 80-85). */
    static RuleDecision desaturation(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        Desaturation limits = thresholds.desaturation();
        Optional<Double> spo2 = readings.get(Vital.SPO2);
        if (spo2.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        double value = spo2.get();
        if (value < limits.highBelow()) {
            return condition(AlarmPriority.HIGH, List.of("SpO2 " + plain(value) + " % < " + plain(limits.highBelow())),
                    value);
        }
        if (value < limits.mediumBelow()) {
            return condition(AlarmPriority.MEDIUM,
                    List.of("SpO2 " + plain(value) + " % < " + plain(limits.mediumBelow())), value);
        }
        return RuleDecision.NORMAL;
    }

    /** Respiratory rate below the limit (default 8 /min): MEDIUM. */
    static RuleDecision bradypnea(Readings readings, PatientContext patient, AlarmThresholds thresholds) {
        double below = thresholds.bradypnea().respiratoryRateBelow();
        return readings.get(Vital.RESPIRATORY_RATE)
                .map(rr -> rr < below
                        ? condition(AlarmPriority.MEDIUM, List.of("RR " + plain(rr) + " /min < " + plain(below)), rr)
                        : RuleDecision.NORMAL)
                .orElse(RuleDecision.NOT_APPLICABLE);
    }

    /** Blood pressure is episodic, one reading per cuff cycle: by default no delay (docs/DOMAIN.md). */
    static Duration nibpDelay(AlarmPriority priority, AlarmDelays delays) {
        return delays.nibp();
    }

    /** The heart-rate delay (default 10 s) for both priorities. */
    static Duration heartRateDelay(AlarmPriority priority, AlarmDelays delays) {
        return delays.heartRate();
    }

    /**
     * The SpO2 delay (default 15 s) for MEDIUM; a HIGH desaturation has its own, by default none: below 85 % the
     * patient cannot wait (docs/DOMAIN.md, "Alarm behaviour").
     */
    static Duration desaturationDelay(AlarmPriority priority, AlarmDelays delays) {
        return priority == AlarmPriority.HIGH ? delays.desaturationHigh() : delays.spo2();
    }

    private static RuleDecision heartRateCondition(AlarmPriority priority, HeartRate hr, String comparison,
                                                   double limit) {
        return condition(priority, List.of(hr.label() + " " + plain(hr.value()) + " /min" + comparison + plain(limit)),
                hr.value());
    }

    private static RuleDecision condition(AlarmPriority priority, List<String> breaches, Double value) {
        return new Condition(priority, AlarmKind.PHYSIOLOGICAL, String.join(", ", breaches), value);
    }

    private static String mmHg(double value) {
        return plain(value) + " mmHg";
    }

    /** {@code 186.0} as {@code 186}, {@code 36.5} as {@code 36.5}: as a nurse would write it. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
