package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.PatientModel;
import org.vigil.simulator.patient.VitalSign;

/**
 * Exact values for tests, with no noise and no seed.
 * <ul>
 * <li>A once-a-second vital (heart rate, pulse rate, SpO2, respiratory rate) holds its latest scripted value
 * at or before the time; before any, heart rate is {@value #DEFAULT_HEART_RATE}, SpO2
 * {@value #DEFAULT_SPO2}, respiratory rate {@value #DEFAULT_RESPIRATORY_RATE}, and pulse rate follows the
 * heart rate.</li>
 * <li>Each distinct offset that carries NIBP values is one completed cuff cycle at exactly that offset, and
 * there are no others. Missing parts default to {@value #DEFAULT_SYSTOLIC}/{@value #DEFAULT_DIASTOLIC}
 * mmHg, the mean to DBP + (SBP − DBP) / 3, and the NIBP pulse rate to the heart rate at that time.</li>
 * </ul>
 */
public final class ScriptedScenario implements Scenario {

    public static final int DEFAULT_HEART_RATE = 72;
    public static final int DEFAULT_SPO2 = 98;
    public static final int DEFAULT_RESPIRATORY_RATE = 14;
    public static final int DEFAULT_SYSTOLIC = 120;
    public static final int DEFAULT_DIASTOLIC = 80;

    private final List<ScriptedValue> script;

    public ScriptedScenario(List<ScriptedValue> script) {
        this.script = script.stream().sorted(Comparator.comparing(ScriptedValue::offset)).toList();
    }

    public static ScriptedScenario of(ScriptedValue... values) {
        return new ScriptedScenario(List.of(values));
    }

    public List<ScriptedValue> script() {
        return script;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public VitalsTrace start(long seed) {
        return new Trace();
    }

    @Override
    public String toString() {
        return name();
    }

    private final class Trace implements VitalsTrace {

        @Override
        public List<Measurement> periodicAt(Duration elapsed) {
            int heartRate = latest(VitalSign.HEART_RATE, elapsed).orElse(DEFAULT_HEART_RATE);
            return List.of(
                    new Measurement(VitalSign.HEART_RATE, heartRate),
                    new Measurement(VitalSign.SPO2, latest(VitalSign.SPO2, elapsed).orElse(DEFAULT_SPO2)),
                    new Measurement(VitalSign.PULSE_RATE, latest(VitalSign.PULSE_RATE, elapsed).orElse(heartRate)),
                    new Measurement(VitalSign.RESPIRATORY_RATE,
                            latest(VitalSign.RESPIRATORY_RATE, elapsed).orElse(DEFAULT_RESPIRATORY_RATE)));
        }

        @Override
        public Iterator<CuffReading> cuffReadings() {
            List<Duration> cycles = script.stream()
                    .filter(value -> value.vital().isNibp())
                    .map(ScriptedValue::offset)
                    .distinct()
                    .toList();
            return CuffSchedule.only(cycles, this::cuffReadingAt);
        }

        private CuffReading cuffReadingAt(Duration at) {
            int systolic = exactly(VitalSign.NIBP_SYSTOLIC, at).orElse(DEFAULT_SYSTOLIC);
            int diastolic = exactly(VitalSign.NIBP_DIASTOLIC, at).orElse(DEFAULT_DIASTOLIC);
            int mean = exactly(VitalSign.NIBP_MEAN, at)
                    .orElse((int) Math.round(PatientModel.meanArterial(systolic, diastolic)));
            int pulse = exactly(VitalSign.NIBP_PULSE_RATE, at)
                    .orElse(latest(VitalSign.HEART_RATE, at).orElse(DEFAULT_HEART_RATE));
            return new CuffReading(at, List.of(
                    new Measurement(VitalSign.NIBP_SYSTOLIC, systolic),
                    new Measurement(VitalSign.NIBP_DIASTOLIC, diastolic),
                    new Measurement(VitalSign.NIBP_MEAN, mean),
                    new Measurement(VitalSign.NIBP_PULSE_RATE, pulse)));
        }

        private Optional<Integer> latest(VitalSign vital, Duration at) {
            Optional<Integer> found = Optional.empty();
            for (ScriptedValue value : script) {
                if (value.offset().compareTo(at) > 0) {
                    break;
                }
                if (value.vital() == vital) {
                    found = Optional.of(value.value());
                }
            }
            return found;
        }

        private Optional<Integer> exactly(VitalSign vital, Duration at) {
            return script.stream()
                    .filter(value -> value.vital() == vital && value.offset().equals(at))
                    .map(ScriptedValue::value)
                    .reduce((first, second) -> second);
        }
    }
}
