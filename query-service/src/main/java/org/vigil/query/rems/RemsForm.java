package org.vigil.query.rems;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.core.api.InteractingMedication;
import org.vigil.core.api.RemsFieldView;
import org.vigil.core.api.RemsFormView;
import org.vigil.core.api.RemsItem;
import org.vigil.query.rems.RemsFacts.BloodPressure;
import org.vigil.query.rems.RemsFacts.Completion;

/**
 * The REMS Patient Monitoring Form of an esketamine session, filled from its facts (docs/DOMAIN.md, "The esketamine
 * REMS Patient Monitoring Form"). A field the record answers is answered from it; a director's completion answers a
 * field the record does not; a field neither answers is missing.
 *
 * <ul>
 *   <li>The three blood pressures are read in the windows of the session's checkpoints, with the rules it checked in
 *       under: before dosing, the last reading from check-in to the dose start; at about 40 min, the reading nearest
 *       to 40 min after the dose start within the window; before discharge, the last reading from the window before
 *       the end of observation until the patient left.</li>
 *   <li>Monitoring runs from the first device to the discharge (or, for a session ended otherwise, its end), and is
 *       counted in whole minutes.</li>
 *   <li>Vital signs were acceptable before dosing when the pre-dose gate passed, before discharge when the discharge
 *       criteria were met; a hold or a discharge overridden is answered "no", with who overrode it and why.</li>
 *   <li>Ready to leave: the first blood pressure at least 40 min after the dose start (when pressure, dissociation
 *       and sedation peak; docs/DOMAIN.md, "The treatment") from which every later one is within the discharge
 *       limit of the baseline. An estimate from the pressures only, said so in the field's note; a director may
 *       answer it instead when it cannot be estimated.</li>
 * </ul>
 */
final class RemsForm {

    static final String RECORD = "record";
    static final String COMPLETED = "completed";
    private static final Duration PEAK = Duration.ofMinutes(40);
    private static final int SPRAY_MG = 28;
    private static final long REMS_MINIMUM_MINUTES = 120;
    private static final Duration SEND_WITHIN = Duration.ofDays(7);

    private final RemsFacts facts;
    private final Map<RemsItem, RemsFieldView> fields = new EnumMap<>(RemsItem.class);

    private RemsForm(RemsFacts facts) {
        this.facts = facts;
    }

    static RemsFormView of(RemsFacts facts) {
        return new RemsForm(facts).fill();
    }

    private RemsFormView fill() {
        Instant firstDevice = facts.devices.isEmpty() ? null : facts.devices.get(0);
        Instant end = facts.dischargedAt != null ? facts.dischargedAt : facts.endedAt;
        answer(RemsItem.TREATMENT_DATE, firstDevice == null ? null
                : firstDevice.atOffset(ZoneOffset.UTC).toLocalDate().toString(), firstDevice, null);
        answer(RemsItem.DOSE, facts.devices.isEmpty() ? null : dose(), firstDevice, null);
        answer(RemsItem.LOT_NUMBERS, null, null, "lot numbers are not recorded at the chair");
        answer(RemsItem.CONCOMITANT_MEDICATIONS, medications(), null,
                facts.medications == null ? "no pre-assessment was recorded" : "opioids are not asked");
        answer(RemsItem.MONITORING_START, firstDevice == null ? null : firstDevice.toString(), firstDevice, null);
        answer(RemsItem.MONITORING_END, end == null ? null : end.toString(), end,
                facts.dischargedAt == null && facts.endedAt != null ? "session ended: " + facts.endReason : null);
        monitoringMinutes(firstDevice, end);
        pressures();
        answer(RemsItem.VITALS_ACCEPTABLE_BEFORE_DOSING, facts.gateWords == null ? null
                : facts.gateOverride == null ? facts.gateWords : "no: " + facts.gateOverride, facts.gateAt, null);
        answer(RemsItem.VITALS_ACCEPTABLE_BEFORE_DISCHARGE, facts.dischargeWords == null ? null
                        : facts.dischargeOverride == null ? facts.dischargeWords : "no: " + facts.dischargeOverride,
                facts.dischargeAssessedAt, null);
        readyToLeave();
        answer(RemsItem.SEDATION, null, null, "not recorded in structured form");
        answer(RemsItem.DISSOCIATION, null, null, "not recorded in structured form");
        answer(RemsItem.ADVERSE_EVENTS, null, null, "not recorded in structured form");
        List<RemsFieldView> all = List.copyOf(fields.values());
        List<RemsItem> missing = all.stream().filter(RemsFieldView::missing).map(RemsFieldView::item).toList();
        return new RemsFormView(facts.sessionId, facts.patientPseudonym, facts.chairId,
                firstDevice == null ? null : firstDevice.plus(SEND_WITHIN), all, missing, missing.isEmpty());
    }

    /** Whether the record answers {@code item}: a director completes only what it does not. */
    static boolean recordAnswers(RemsFormView form, RemsItem item) {
        return form.fields().stream().anyMatch(f -> f.item() == item && RECORD.equals(f.source()));
    }

    private String dose() {
        int count = facts.devices.size();
        String devices = count + " device" + (count == 1 ? "" : "s");
        String mg = count * SPRAY_MG + " mg";
        String times = facts.devices.stream().map(Instant::toString).collect(Collectors.joining(", "));
        return (count == 2 || count == 3 ? mg + " (" + devices + ")" : "other: " + mg + " (" + devices + ")")
                + " at " + times;
    }

    private String medications() {
        if (facts.medications == null) {
            return null;
        }
        if (facts.medications.isEmpty()) {
            return "none of benzodiazepine, non-benzodiazepine hypnotic, psychostimulant, MAOI";
        }
        return facts.medications.stream().sorted().map(InteractingMedication::name)
                .map(name -> name.toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "));
    }

    private void monitoringMinutes(Instant start, Instant end) {
        if (start == null || end == null) {
            answer(RemsItem.MONITORING_MINUTES, null, null, "needs the monitoring start and end");
            return;
        }
        long minutes = Duration.between(start, end).toMinutes();
        answer(RemsItem.MONITORING_MINUTES, String.valueOf(minutes), null, minutes >= REMS_MINIMUM_MINUTES
                ? "at least 120" : "LESS THAN THE 120 MINUTES THE REMS REQUIRES");
    }

    private void pressures() {
        Instant dose = facts.doseStartedAt;
        Optional<BloodPressure> beforeDosing = facts.checkedInAt == null || dose == null ? Optional.empty()
                : last(facts.checkedInAt, dose);
        answerPressure(RemsItem.BP_BEFORE_DOSING, beforeDosing, "no blood pressure from check-in to the first device");
        Optional<BloodPressure> mid = Optional.empty();
        if (dose != null && facts.rules != null) {
            Instant due = dose.plus(facts.rules.midCheckpointAfterDose());
            Duration window = facts.rules.midCheckpointWindow();
            mid = in(due.minus(window), due.plus(window)).stream()
                    .min(Comparator.comparing(bp -> Duration.between(due, bp.at()).abs()));
        }
        answerPressure(RemsItem.BP_AT_40_MIN, mid, "no blood pressure 30 to 50 minutes after the first device");
        Instant until = facts.observeUntil();
        Instant left = facts.dischargedAt != null ? facts.dischargedAt : facts.endedAt;
        Optional<BloodPressure> beforeDischarge = until == null || left == null || facts.rules == null
                ? Optional.empty() : last(until.minus(facts.rules.beforeDischargeWindow()), left);
        answerPressure(RemsItem.BP_BEFORE_DISCHARGE, beforeDischarge,
                "no blood pressure from shortly before the end of observation until the patient left");
    }

    private void answerPressure(RemsItem item, Optional<BloodPressure> reading, String whyMissing) {
        answer(item, reading.map(BloodPressure::words).orElse(null), reading.map(BloodPressure::at).orElse(null),
                reading.isEmpty() ? whyMissing : null);
    }

    private void readyToLeave() {
        if (facts.doseStartedAt == null || facts.baseline == null || facts.baseline.systolic() == null
                || facts.baseline.diastolic() == null || facts.rules == null) {
            answer(RemsItem.READY_TO_LEAVE_AT, null, null, "needs the dose start, the baseline and the rules");
            return;
        }
        Instant from = facts.doseStartedAt.plus(PEAK);
        Instant left = facts.dischargedAt != null ? facts.dischargedAt : facts.endedAt;
        List<BloodPressure> after = in(from, left == null ? Instant.MAX : left);
        double within = facts.rules.dischargeBpWithin();
        BloodPressure ready = null;
        for (int i = after.size() - 1; i >= 0 && near(after.get(i), within); i--) {
            ready = after.get(i);
        }
        answer(RemsItem.READY_TO_LEAVE_AT, ready == null ? null : ready.at().toString(),
                ready == null ? null : ready.at(), ready == null
                        ? "blood pressure never settled within the discharge limit of baseline"
                        : "estimated from blood pressure alone: the first reading from 40 min after the first"
                        + " device from which every later one was within " + (int) within + " mmHg of baseline");
    }

    private boolean near(BloodPressure reading, double within) {
        return Math.abs(reading.systolic() - facts.baseline.systolic()) <= within
                && Math.abs(reading.diastolic() - facts.baseline.diastolic()) <= within;
    }

    private Optional<BloodPressure> last(Instant from, Instant to) {
        List<BloodPressure> found = in(from, to);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    private List<BloodPressure> in(Instant from, Instant to) {
        List<BloodPressure> found = new ArrayList<>();
        for (BloodPressure reading : facts.bloodPressures) {
            if (!reading.at().isBefore(from) && !reading.at().isAfter(to)) {
                found.add(reading);
            }
        }
        return found;
    }

    /** The record's answer, else a director's completion, else missing with the reason. */
    private void answer(RemsItem item, String fromRecord, Instant at, String note) {
        Completion completion = facts.completions.get(item);
        RemsFieldView field;
        if (fromRecord != null) {
            field = new RemsFieldView(item, item.label(), fromRecord, at, RECORD, null, null, false, note);
        } else if (completion != null) {
            field = new RemsFieldView(item, item.label(), completion.value(), null, COMPLETED, completion.user(),
                    completion.at(), false, null);
        } else {
            field = new RemsFieldView(item, item.label(), null, null, null, null, null, true, note);
        }
        fields.put(item, field);
    }
}
