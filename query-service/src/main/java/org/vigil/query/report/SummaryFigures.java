package org.vigil.query.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.query.sessionrecord.SessionRecord;
import org.vigil.query.sessionrecord.SessionRecord.Alarm;
import org.vigil.query.sessionrecord.SessionRecord.Reading;

/**
 * The figures a director reviews a session by (docs/DOMAIN.md, "Who uses it"): dose prescribed against delivered,
 * the highest blood pressures and when, alarms per priority, how fast they were acknowledged, escalations, and how
 * long the patient was observed (from the dose start to the discharge, or the session's end).
 *
 * @param prescribedMg    the prescription's dose; for esketamine, empty (the dose is the devices given)
 * @param deliveredMg     what the pumps delivered, or 28 mg per esketamine device
 * @param peakSystolic    the highest NIBP systolic, empty without one
 * @param medianToAcknowledge the median wait of the alarms acknowledged, empty when none was
 * @param worstToAcknowledge  the longest wait of the alarms acknowledged
 * @param unacknowledged  alarms nobody acknowledged
 */
public record SummaryFigures(Treatment treatment, double weightKg, Optional<Double> prescribedMg, double deliveredMg,
                      int esketamineDevices, Optional<Reading> peakSystolic, Optional<Reading> peakDiastolic,
                      Map<AlarmPriority, Integer> alarmsPerPriority, Optional<Duration> medianToAcknowledge,
                      Optional<Duration> worstToAcknowledge, int unacknowledged, int escalations,
                      Optional<Duration> observed) {

    static final double ESKETAMINE_DEVICE_MG = 28;

    public static SummaryFigures of(SessionRecord record) {
        Treatment treatment = record.started().treatment();
        int devices = record.esketamineDevices().size();
        double delivered = treatment == Treatment.ESKETAMINE ? devices * ESKETAMINE_DEVICE_MG : record.deliveredMg();
        Map<AlarmPriority, Integer> perPriority = new EnumMap<>(AlarmPriority.class);
        for (AlarmPriority priority : AlarmPriority.values()) {
            perPriority.put(priority, 0);
        }
        record.alarms().forEach(a -> perPriority.merge(a.priority(), 1, Integer::sum));
        List<Duration> waits = record.alarms().stream().map(Alarm::timeToAcknowledge).flatMap(Optional::stream)
                .sorted().toList();
        Instant left = record.dischargedAt() != null ? record.dischargedAt() : record.endedAt();
        return new SummaryFigures(treatment, record.started().weightKg(),
                record.prescription().map(p -> p.expectedDoseMg()), delivered, devices,
                peak(record, Vital.NIBP_SYSTOLIC), peak(record, Vital.NIBP_DIASTOLIC), perPriority, median(waits),
                waits.isEmpty() ? Optional.empty() : Optional.of(waits.get(waits.size() - 1)),
                (int) record.alarms().stream().filter(a -> a.acknowledgedAt() == null).count(),
                (int) record.alarms().stream().filter(a -> a.escalatedAt() != null).count(),
                record.doseStartedAt() == null || left == null ? Optional.empty()
                        : Optional.of(Duration.between(record.doseStartedAt(), left)));
    }

    private static Optional<Reading> peak(SessionRecord record, Vital vital) {
        return record.readings().stream().filter(r -> r.vital() == vital)
                .max(Comparator.comparingDouble(Reading::value));
    }

    private static Optional<Duration> median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }
}
