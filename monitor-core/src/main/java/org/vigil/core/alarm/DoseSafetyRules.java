package org.vigil.core.alarm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.core.alarm.RuleDecision.Condition;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DoseSafetyRule;
import org.vigil.core.protocol.DrugLimits;
import org.vigil.core.protocol.LimitBand;
import org.vigil.core.protocol.LimitBand.Position;
import org.vigil.core.pump.InfusionPrescription;

/**
 * The dose-safety rules, named pure functions of the infusion, the prescription and the clinic's drug library
 * (docs/DOMAIN.md, "Infusion pumps": dose error reduction and dose reconciliation).
 *
 * <p>Their alarms are {@link AlarmKind#PHYSIOLOGICAL}: they are about the therapy the patient receives, not a
 * fault of the equipment, and IEC 60601-1-8 keeps equipment faults (technical alarms, here the pump's own) apart
 * so that a nurse reads them differently. It also makes a HIGH hard-limit alarm latch until someone acknowledges
 * it, even after the pump is reprogrammed: a dose error must be seen by a person.
 */
final class DoseSafetyRules {

    static final String DOSE_MISMATCH = DoseSafetyRule.DOSE_MISMATCH.ruleName();
    static final String SOFT_LIMIT = DoseSafetyRule.DRUG_LIBRARY_SOFT_LIMIT.ruleName();
    static final String HARD_LIMIT = DoseSafetyRule.DRUG_LIBRARY_HARD_LIMIT.ruleName();

    /** Relative differences below this are rounding of the arithmetic, not a departure. */
    private static final double ROUNDING = 1e-9;

    private DoseSafetyRules() {
    }

    /**
     * MEDIUM when the pump departs from the prescription by more than the tolerance (default 10 %): it names
     * another drug; its programmed dose rate (rate × concentration, so a wrong concentration counts too) departs
     * from the prescribed one; or the dose the session will have had at completion (delivered plus remaining, or
     * delivered once complete) departs from the prescribed dose. A pump's first report of a wrong programme is
     * enough. Not applicable without a prescription or anything to compare.
     */
    static RuleDecision doseMismatch(InfusionPrescription prescription, Infusion infusion, double tolerance) {
        if (prescription == null || infusion == null) {
            return RuleDecision.NOT_APPLICABLE;
        }
        List<String> departures = new ArrayList<>();
        Double value = null;
        boolean compared = false;
        if (infusion.drug() != null) {
            compared = true;
            if (!normalised(infusion.drug()).equals(normalised(prescription.drug()))) {
                departures.add("pump drug " + infusion.drug() + ", prescribed " + prescription.drug());
            }
        }
        Double mgPerHour = infusion.programmedMgPerHour();
        if (mgPerHour != null) {
            compared = true;
            if (departs(mgPerHour, prescription.expectedMgPerHour(), tolerance)) {
                departures.add("programmed " + plain(infusion.rateMlPerHour()) + " mL/h × "
                        + plain(infusion.concentrationMgPerMl()) + " mg/mL = " + plain(mgPerHour)
                        + " mg/h, prescribed " + plain(prescription.expectedMgPerHour()) + " mg/h ("
                        + plain(prescription.expectedRateMlPerHour()) + " mL/h): "
                        + percent(mgPerHour, prescription.expectedMgPerHour()));
                value = infusion.rateMlPerHour();
            }
        }
        Double totalMg = infusion.projectedTotalMg();
        if (totalMg != null) {
            compared = true;
            if (departs(totalMg, prescription.expectedDoseMg(), tolerance)) {
                departures.add((infusion.finished() ? "delivered " : "projected total ") + plain(totalMg)
                        + " mg, prescribed " + plain(prescription.expectedDoseMg()) + " mg: "
                        + percent(totalMg, prescription.expectedDoseMg()));
                value = value == null ? totalMg : value;
            }
        }
        if (!compared) {
            return RuleDecision.NOT_APPLICABLE;
        }
        if (departures.isEmpty()) {
            return RuleDecision.NORMAL;
        }
        return new Condition(AlarmPriority.MEDIUM, AlarmKind.PHYSIOLOGICAL,
                "Dose mismatch: " + String.join("; ", departures) + " (tolerance " + plain(tolerance * 100) + " %)",
                value);
    }

    /**
     * HIGH when the programme is past a hard limit of the drug's library entry: its dose rate (mg/kg/h), or the
     * session's dose (mg/kg: the larger of the programme's volume to be infused and what was delivered; for the
     * lower limit, the programme's alone). Hard limits cannot be overridden. Not applicable for a drug the library
     * does not know, or nothing to check.
     */
    static RuleDecision hardLimit(Infusion infusion, DrugLimits limits) {
        List<Check> checks = checks(infusion, limits);
        if (checks.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        List<Check> past = checks.stream().filter(check -> check.position().pastHardLimit()).toList();
        if (past.isEmpty()) {
            return RuleDecision.NORMAL;
        }
        return new Condition(AlarmPriority.HIGH, AlarmKind.PHYSIOLOGICAL,
                describe(limits, past) + ": cannot be overridden, reprogramme the pump", past.get(0).value());
    }

    /**
     * LOW, an advisory, when the programme is past a soft limit but no hard limit; a nurse may override it with a
     * reason, and an overridden advisory stays silent while the pump keeps that programme. Past a hard limit the
     * HIGH alarm says it all, so the advisory ends.
     */
    static RuleDecision softLimit(Infusion infusion, DrugLimits limits, boolean overridden) {
        List<Check> checks = checks(infusion, limits);
        if (checks.isEmpty()) {
            return RuleDecision.NOT_APPLICABLE;
        }
        if (checks.stream().anyMatch(check -> check.position().pastHardLimit())) {
            return RuleDecision.NORMAL;
        }
        List<Check> past = checks.stream().filter(check -> check.position().pastSoftLimitOnly()).toList();
        if (past.isEmpty() || overridden) {
            return RuleDecision.NORMAL;
        }
        return new Condition(AlarmPriority.LOW, AlarmKind.PHYSIOLOGICAL,
                describe(limits, past) + ": override with a reason or reprogramme the pump", past.get(0).value());
    }

    /** Whether {@code actual} departs from {@code expected} by more than {@code tolerance}, as a fraction of it. */
    static boolean departs(double actual, double expected, double tolerance) {
        return Math.abs(actual - expected) / expected - tolerance > ROUNDING;
    }

    private static List<Check> checks(Infusion infusion, DrugLimits limits) {
        if (infusion == null || limits == null) {
            return List.of();
        }
        List<Check> checks = new ArrayList<>();
        Double rate = infusion.doseRateMgPerKgPerHour();
        if (rate != null) {
            LimitBand band = limits.doseRateMgPerKgPerHour();
            checks.add(new Check("dose rate", rate, "mg/kg/h", band, band.classify(rate)));
        }
        Double plannedMg = infusion.plannedMg();
        double sessionMg = Math.max(plannedMg == null ? 0 : plannedMg, infusion.deliveredMg());
        if (plannedMg != null || sessionMg > 0) {
            double dose = sessionMg / infusion.weightKg();
            LimitBand band = limits.dosePerSessionMgPerKg();
            Position position = band.classify(dose);
            boolean lowerApplies = plannedMg != null;
            if (!lowerApplies && (position == Position.BELOW_LOWER_HARD || position == Position.BELOW_LOWER_SOFT)) {
                position = Position.WITHIN;
            }
            checks.add(new Check("session dose", dose, "mg/kg", band, position));
        }
        return checks;
    }

    private static String describe(DrugLimits limits, List<Check> past) {
        List<String> parts = new ArrayList<>();
        for (Check check : past) {
            parts.add(check.what() + " " + plain(check.value()) + " " + check.unit() + " " + check.limitText());
        }
        return limits.drug() + " " + String.join(", ", parts);
    }

    private static String percent(double actual, double expected) {
        double change = (actual - expected) / expected * 100;
        return (change >= 0 ? "+" : "") + plain(change) + " %";
    }

    private static String normalised(String drug) {
        return drug.strip().toLowerCase(Locale.ROOT);
    }

    /** Three decimals at most, without trailing zeros: as a nurse would write the number. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private record Check(String what, double value, String unit, LimitBand band, Position position) {

        String limitText() {
            return switch (position) {
                case ABOVE_UPPER_HARD -> "> upper hard limit " + plain(band.upperHard()) + " " + unit;
                case ABOVE_UPPER_SOFT -> "> upper soft limit " + plain(band.upperSoft()) + " " + unit;
                case BELOW_LOWER_SOFT -> "< lower soft limit " + plain(band.lowerSoft()) + " " + unit;
                case BELOW_LOWER_HARD -> "< lower hard limit " + plain(band.lowerHard()) + " " + unit;
                case WITHIN -> "within limits";
            };
        }
    }
}
