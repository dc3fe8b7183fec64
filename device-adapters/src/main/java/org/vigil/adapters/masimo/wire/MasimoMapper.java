package org.vigil.adapters.masimo.wire;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

/**
 * Maps a {@link MasimoReading} to what Vigil records (docs/PROTOCOLS.md §4). Pure.
 *
 * <p><b>Values.</b> SpO2 ({@link Vital#SPO2}), pulse rate ({@link Vital#PULSE_RATE}) and perfusion index
 * ({@value #PI_MDC_CODE} {@code MDC_PULS_OXIM_PERF_REL}, %) are in every observations report; SpCO and SpMet
 * only when the line carries their fields, under the oximeter's own labels ({@value #SPCO_LABEL},
 * {@value #SPMET_LABEL}, MDC code 0: the nomenclature has no term Vigil can cite for them). A value is "not
 * available" when the oximeter wrote dashes, when an exception flag that {@linkplain ExceptionFlag#stopsMeasuring()
 * stops measuring} is set, when the SpO2 is 0 (never a measurement: the Rad-8 writes zeros when it has none), and,
 * for pulse rate and PI, when they are 0 while the SpO2 is not available. An SpO2 that is not available raises
 * the usual "sensor off" technical alarm on the chair.
 *
 * <p><b>Conditions.</b> Each {@link MasimoCondition} becomes a technical device alarm at LOW priority (awareness:
 * the values themselves are supervised at MEDIUM by the "sensor off" and "device offline" alarms), START when it
 * appears and END when it goes.
 */
public final class MasimoMapper {

    /** IEEE 11073-10101 {@code MDC_PULS_OXIM_PERF_REL}, 2::19376. */
    public static final int PI_MDC_CODE = 150448;
    public static final String PI_LABEL = "MDC_PULS_OXIM_PERF_REL";
    public static final String SPCO_LABEL = "MASIMO_SPCO";
    public static final String SPMET_LABEL = "MASIMO_SPMET";
    public static final AlarmPriority CONDITION_PRIORITY = AlarmPriority.LOW;

    private MasimoMapper() {
    }

    /** The device's clock as an instant, read in the zone the oximeter's clock is set to. */
    public static Instant deviceTime(MasimoReading reading, ZoneId deviceZone) {
        return reading.deviceTime().atZone(deviceZone).toInstant();
    }

    public static DeviceObservations observations(MasimoReading reading, DeviceId deviceId, MessageKey key,
                                                  Instant receivedAt, ZoneId deviceZone) {
        Objects.requireNonNull(reading, "reading");
        Instant at = deviceTime(reading, deviceZone);
        boolean measuring = ExceptionFlag.of(reading.exceptionBits()).stream().noneMatch(ExceptionFlag::stopsMeasuring);
        Double spo2 = measuring && reading.spo2() != null && reading.spo2() > 0 ? reading.spo2().doubleValue() : null;
        Double pulse = measuring ? nonZeroUnless(spo2 == null, reading.pulseRate()) : null;
        Double pi = measuring ? nonZeroUnless(spo2 == null, reading.perfusionIndex()) : null;
        List<Observation> observations = new ArrayList<>(5);
        observations.add(new Observation(Vital.SPO2.mdcCode(), Vital.SPO2.mdcName(), spo2, Vital.SPO2.unit(), at));
        observations.add(new Observation(Vital.PULSE_RATE.mdcCode(), Vital.PULSE_RATE.mdcName(), pulse,
                Vital.PULSE_RATE.unit(), at));
        observations.add(new Observation(PI_MDC_CODE, PI_LABEL, pi, "%", at));
        if (reading.hasSpco()) {
            observations.add(new Observation(0, SPCO_LABEL, measuring ? reading.spco() : null, "%", at));
        }
        if (reading.hasSpmet()) {
            observations.add(new Observation(0, SPMET_LABEL, measuring ? reading.spmet() : null, "%", at));
        }
        return new DeviceObservations(deviceId, key, at, receivedAt, observations);
    }

    /** A condition that appeared ({@link AlarmPhase#START}) or went ({@link AlarmPhase#END}). */
    public static DeviceAlarmReport condition(MasimoCondition condition, AlarmPhase phase, DeviceId deviceId,
                                              MessageKey key, Instant deviceTime, Instant receivedAt) {
        return new DeviceAlarmReport(deviceId, key, deviceTime, receivedAt, condition.code(), condition.code(),
                Vital.SPO2.mdcCode(), condition.text(), phase, CONDITION_PRIORITY, AlarmKind.TECHNICAL);
    }

    /** The conditions of {@code now} not in {@code before}: each starts. */
    public static List<MasimoCondition> started(Set<MasimoCondition> before, Set<MasimoCondition> now) {
        return now.stream().filter(condition -> !before.contains(condition)).toList();
    }

    /** The conditions of {@code before} not in {@code now}: each ends. */
    public static List<MasimoCondition> ended(Set<MasimoCondition> before, Set<MasimoCondition> now) {
        return before.stream().filter(condition -> !now.contains(condition)).toList();
    }

    private static Double nonZeroUnless(boolean spo2Missing, Number value) {
        if (value == null || spo2Missing && value.doubleValue() == 0.0) {
            return null;
        }
        return value.doubleValue();
    }
}
