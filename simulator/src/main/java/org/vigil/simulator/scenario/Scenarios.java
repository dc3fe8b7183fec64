package org.vigil.simulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.simulator.patient.VitalSign;

/**
 * The named scenarios. All start the infusion when the monitor starts and take the NIBP cadence of
 * docs/DOMAIN.md; the abnormal ones add a deterministic excursion whose first alarming value appears about 20 s
 * after the start, so a demo shows an alarm within the first minute.
 */
public final class Scenarios {

    /** The patient's own seeded ketamine response, nothing else. */
    public static final Scenario NORMAL = new ModelledScenario("normal", Optional.empty(), List.of());

    /**
     * A hypertensive surge: an extra cuff cycle 20 s after the start reads about 187/114 (SBP &gt; 180, the
     * HIGH rule of docs/DOMAIN.md), a confirming cycle follows 30 s later; the surge holds 15 min and settles by
     * 30 min.
     */
    public static final Scenario SEVERE_HYPERTENSION = new ModelledScenario("severe-hypertension",
            Optional.of(new Excursion(seconds(5), seconds(15), minutes(15), minutes(30),
                    Map.of(VitalSign.NIBP_SYSTOLIC, 187.0, VitalSign.NIBP_DIASTOLIC, 114.0,
                            VitalSign.HEART_RATE, 96.0))),
            List.of(seconds(20)));

    /** Heart rate climbs to about 152/min by 18 s (HR &gt; 140, HIGH), holds 10 min, recovers by 15 min. */
    public static final Scenario TACHYCARDIA = new ModelledScenario("tachycardia",
            Optional.of(new Excursion(seconds(2), seconds(18), minutes(10), minutes(15),
                    Map.of(VitalSign.HEART_RATE, 152.0))),
            List.of());

    /**
     * SpO2 falls to about 82 % by 18 s (&lt; 85, HIGH) with slowed breathing, holds 5 min, recovers by
     * 8 min.
     */
    public static final Scenario DESATURATION = new ModelledScenario("desaturation",
            Optional.of(new Excursion(seconds(2), seconds(18), minutes(5), minutes(8),
                    Map.of(VitalSign.SPO2, 82.0, VitalSign.RESPIRATORY_RATE, 9.0))),
            List.of());

    /**
     * Blood pressure falls: an extra cuff cycle 20 s after the start reads about 82/48 (SBP &lt; 90), a
     * confirming cycle follows 30 s later, with a compensating heart rate; recovers by 20 min.
     */
    public static final Scenario HYPOTENSION = new ModelledScenario("hypotension",
            Optional.of(new Excursion(seconds(5), seconds(15), minutes(10), minutes(20),
                    Map.of(VitalSign.NIBP_SYSTOLIC, 82.0, VitalSign.NIBP_DIASTOLIC, 48.0,
                            VitalSign.HEART_RATE, 98.0))),
            List.of(seconds(20)));

    private static final Map<String, Scenario> BY_NAME = index(
            NORMAL, SEVERE_HYPERTENSION, TACHYCARDIA, DESATURATION, HYPOTENSION);

    private Scenarios() {
    }

    /**
     * {@link #NORMAL} with a cuff cycle every {@code interval} for the first six hours, besides the regular
     * cadence: for a test whose steps wait on a fresh blood pressure, not on the clinical cadence.
     */
    public static Scenario normalWithCuffEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("cuff interval must be positive: " + interval);
        }
        List<Duration> cycles = new ArrayList<>();
        for (Duration at = interval; at.compareTo(Duration.ofHours(6)) <= 0; at = at.plus(interval)) {
            cycles.add(at);
        }
        return new ModelledScenario(NORMAL.name(), Optional.empty(), cycles);
    }

    /** The scenario with this name. */
    public static Scenario named(String name) {
        Scenario scenario = BY_NAME.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + names());
        }
        return scenario;
    }

    /** The names, in a stable order: normal, severe-hypertension, tachycardia, desaturation, hypotension. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static Map<String, Scenario> index(Scenario... scenarios) {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            byName.put(scenario.name(), scenario);
        }
        return byName;
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
