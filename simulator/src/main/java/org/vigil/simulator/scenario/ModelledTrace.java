package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.PatientModel;
import org.vigil.simulator.patient.VitalSign;

/**
 * Samples a {@link PatientModel}: once a second with beat-to-beat noise indexed by the second, and once per
 * cuff cycle with measurement noise indexed by the cycle's second.
 */
final class ModelledTrace implements VitalsTrace {

    private final PatientModel patient;
    private final Optional<Excursion> excursion;
    private final List<Duration> extraCuffCycles;

    ModelledTrace(PatientModel patient, Optional<Excursion> excursion, List<Duration> extraCuffCycles) {
        this.patient = patient;
        this.excursion = excursion;
        this.extraCuffCycles = extraCuffCycles;
    }

    @Override
    public List<Measurement> periodicAt(Duration elapsed) {
        long second = elapsed.toSeconds();
        double heartRate = course(VitalSign.HEART_RATE, elapsed) + patient.noise(VitalSign.HEART_RATE, second);
        double pulseRate = heartRate + patient.noise(VitalSign.PULSE_RATE, second);
        double spo2 = course(VitalSign.SPO2, elapsed) + patient.noise(VitalSign.SPO2, second);
        double respiratoryRate = course(VitalSign.RESPIRATORY_RATE, elapsed)
                + patient.noise(VitalSign.RESPIRATORY_RATE, second);
        return List.of(
                displayed(VitalSign.HEART_RATE, heartRate),
                displayed(VitalSign.SPO2, spo2),
                displayed(VitalSign.PULSE_RATE, pulseRate),
                displayed(VitalSign.RESPIRATORY_RATE, respiratoryRate));
    }

    @Override
    public Iterator<CuffReading> cuffReadings() {
        return CuffSchedule.regular(extraCuffCycles, this::cuffReadingAt);
    }

    CuffReading cuffReadingAt(Duration at) {
        long index = at.toSeconds();
        double systolic = course(VitalSign.NIBP_SYSTOLIC, at) + patient.noise(VitalSign.NIBP_SYSTOLIC, index);
        double diastolic = course(VitalSign.NIBP_DIASTOLIC, at) + patient.noise(VitalSign.NIBP_DIASTOLIC, index);
        double pulse = course(VitalSign.HEART_RATE, at) + patient.noise(VitalSign.NIBP_PULSE_RATE, index);
        Measurement shownSystolic = displayed(VitalSign.NIBP_SYSTOLIC, systolic);
        Measurement shownDiastolic = displayed(VitalSign.NIBP_DIASTOLIC, diastolic);
        double mean = PatientModel.meanArterial(shownSystolic.value(), shownDiastolic.value());
        return new CuffReading(at, List.of(
                shownSystolic,
                shownDiastolic,
                displayed(VitalSign.NIBP_MEAN, mean),
                displayed(VitalSign.NIBP_PULSE_RATE, pulse)));
    }

    private double course(VitalSign vital, Duration t) {
        double own = patient.underlying(vital, t);
        return excursion.map(e -> e.blend(vital, own, t)).orElse(own);
    }

    private static Measurement displayed(VitalSign vital, double value) {
        return new Measurement(vital, PatientModel.displayed(vital, value));
    }
}
