package org.vigil.adapters.intellivue.wire;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.adapters.intellivue.wire.MonitorMessage.NumericValue;
import org.vigil.adapters.intellivue.wire.MonitorMessage.PollResult;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

/**
 * Maps the numerics of one poll result to Vigil observations: one message, one {@link DeviceObservations}.
 *
 * <p>A physio id is the code of an IEEE 11073-10101 term in the SCADA partition (2), so the MDC code is
 * {@code 2 << 16 | physioId} (docs/PROTOCOLS.md §2, e.g. NIBP systolic 2::18949 = 150021). The one Philips-private
 * code mapped besides is {@code NOM_PLETH_PULS_RATE} {@code 0x4822}: the pulse the monitor derives from the SpO2
 * plethysmogram, which is how a real monitor reports Vigil's oximeter pulse (see the public capture used by the
 * tests). Generic {@code NOM_PULS_RATE} {@code 0x480A} (pulse from any source, in that capture an arterial line) is
 * deliberately not mapped.
 *
 * <p>A value is "not available" (null) when the FLOAT-Type is a special value, when a MeasurementState flag says
 * it is invalid, questionable, unavailable, being calibrated or test data, or, unless accepted, when the monitor
 * is in demo mode: simulated values must never pass as a patient's. Pressures in kPa are converted to mm[Hg].
 */
final class NumericsMapper {

    private static final int SCADA_PARTITION = 2 << 16;
    private static final int NOM_PLETH_PULS_RATE = 0x4822;

    private static final int NOM_DIM_PERCENT = 0x0220;
    private static final int NOM_DIM_PER_MIN = 0x09E0;
    private static final int NOM_DIM_BEAT_PER_MIN = 0x0AA0;
    private static final int NOM_DIM_PULS_PER_MIN = 0x0AC0;
    private static final int NOM_DIM_RESP_PER_MIN = 0x0AE0;
    private static final int NOM_DIM_KILO_PASCAL = 0x0F03;
    private static final int NOM_DIM_MMHG = 0x0F20;
    private static final double MMHG_PER_KPA = 760.0 / 101.325;

    private final DeviceId deviceId;
    private final ZoneId monitorZone;
    private final boolean acceptDemoData;

    /**
     * @param monitorZone    the zone of the monitor's wall clock, to read its AbsoluteTime stamps
     * @param acceptDemoData whether values flagged as demo data count as measured (only for training set-ups)
     */
    public NumericsMapper(DeviceId deviceId, ZoneId monitorZone, boolean acceptDemoData) {
        this.deviceId = deviceId;
        this.monitorZone = monitorZone;
        this.acceptDemoData = acceptDemoData;
    }

    /** The vital a physio id stands for, if Vigil knows it. */
    public static Optional<Vital> vitalOf(int physioId) {
        if (physioId == NOM_PLETH_PULS_RATE) {
            return Optional.of(Vital.PULSE_RATE);
        }
        return Vital.ofMdcCode(SCADA_PARTITION | physioId);
    }

    /**
     * @param deviceTime when the monitor took the data (from its RelativeTime)
     * @param controlId  unique per message of this device
     * @return the observations, or empty when the message holds no numeric Vigil knows
     */
    public Optional<DeviceObservations> map(PollResult result, Instant deviceTime, Instant receivedAt,
                                            String controlId) {
        Map<Vital, Observation> observations = new LinkedHashMap<>();
        for (NumericValue numeric : result.numerics()) {
            vitalOf(numeric.physioId()).ifPresent(vital -> {
                Instant measuredAt = numeric.measuredAt().map(t -> t.atZone(monitorZone).toInstant())
                        .orElse(deviceTime);
                Optional<Observation> observation = observe(vital, numeric, measuredAt);
                observation.ifPresent(o -> observations.merge(vital, o, NumericsMapper::preferAvailable));
            });
        }
        if (observations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceObservations(deviceId, new MessageKey(deviceId.value(), controlId), deviceTime,
                receivedAt, observations.values().stream().toList()));
    }

    private Optional<Observation> observe(Vital vital, NumericValue numeric, Instant measuredAt) {
        if (!numeric.usable() || (numeric.demoData() && !acceptDemoData)) {
            return Optional.of(Observation.notAvailable(vital, measuredAt));
        }
        double value = numeric.value().value().orElseThrow();
        return inVigilUnit(vital, numeric.unitCode(), value).map(v -> Observation.of(vital, v, measuredAt));
    }

    private static Optional<Double> inVigilUnit(Vital vital, int unitCode, double value) {
        return switch (vital.unit()) {
            case "/min" -> unitCode == NOM_DIM_BEAT_PER_MIN || unitCode == NOM_DIM_PULS_PER_MIN
                    || unitCode == NOM_DIM_RESP_PER_MIN || unitCode == NOM_DIM_PER_MIN
                    ? Optional.of(value) : Optional.empty();
            case "%" -> unitCode == NOM_DIM_PERCENT ? Optional.of(value) : Optional.empty();
            case "mm[Hg]" -> switch (unitCode) {
                case NOM_DIM_MMHG -> Optional.of(value);
                case NOM_DIM_KILO_PASCAL -> Optional.of(Math.round(value * MMHG_PER_KPA * 10) / 10.0);
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    private static Observation preferAvailable(Observation first, Observation second) {
        return !first.available() && second.available() ? second : first;
    }
}
