package org.vigil.core.pump;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

/**
 * The dose a session's pumps delivered, computed from their recorded messages: mg delivered = ∫ rate ×
 * concentration dt (docs/DOMAIN.md, "Infusion pumps"). It is a pure fold, so read models and the alarm decisions
 * compute the same number from the same stored events, and a replay computes it again; it is not stored.
 *
 * <p>The method, per pump:
 * <ol>
 *   <li>The volume the pump itself counts as infused (MDC 157864) is preferred: the difference between two
 *       counter readings is what was delivered between them. A counter that goes down was reset by a new
 *       programme, whose delivered volume is then the new reading. A pump's first message counts its counter
 *       reading in full (it delivered that before Vigil heard from it), and so does the first reading after
 *       messages without one (for example PCD-10 events before the first PCD-01 observation).</li>
 *   <li>Between messages without a counter, the rate is integrated: the rate programmed at a message holds until
 *       the next message (left rectangle), and only while that message said the pump was infusing. The interval
 *       is measured on the pump's clock when both messages carry a device time, otherwise on Vigil's receive
 *       times (the two clocks are never mixed); a negative interval counts as none. Such an estimate is
 *       provisional: the next counter reading replaces it, because the counter already includes that volume.</li>
 *   <li>Millilitres become milligrams at the concentration the pump reported for that volume. Volume delivered
 *       while no concentration was known is kept apart and priced with the concentration the caller gives,
 *       normally the prescription's.</li>
 * </ol>
 * Immutable: {@link #record} returns a new ledger. Written as JSON with its pumps' tracks, so a view that keeps one
 * can store it and read it back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class DoseLedger {

    private static final DoseLedger EMPTY = new DoseLedger(Map.of());
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final Map<DeviceId, Track> pumps;

    @JsonCreator
    private DoseLedger(@JsonProperty("pumps") Map<DeviceId, Track> pumps) {
        this.pumps = pumps;
    }

    public static DoseLedger empty() {
        return EMPTY;
    }

    /** The ledger with one more pump message. */
    public DoseLedger record(PumpReport report) {
        Track before = pumps.get(report.deviceId());
        Track after = before == null ? Track.first(report) : before.next(report);
        Map<DeviceId, Track> next = new LinkedHashMap<>(pumps);
        next.put(report.deviceId(), after);
        return new DoseLedger(Collections.unmodifiableMap(next));
    }

    /** Millilitres delivered by all pumps, with or without a known concentration. */
    public double deliveredMl() {
        return total().ml() + total().unpricedMl();
    }

    /**
     * Milligrams delivered by all pumps.
     *
     * @param fallbackConcentrationMgPerMl prices volume delivered while no pump reported a concentration,
     *                                     normally the prescription's; {@code null} leaves that volume out
     */
    public double deliveredMg(Double fallbackConcentrationMgPerMl) {
        Amount total = total();
        return total.mg() + (fallbackConcentrationMgPerMl == null ? 0 : total.unpricedMl() * fallbackConcentrationMgPerMl);
    }

    /** Millilitres delivered while no concentration was known: {@link #deliveredMg} needs a fallback for them. */
    public double unpricedMl() {
        return total().unpricedMl();
    }

    /** Each pump as its messages describe it, in the order they first reported. */
    public Map<DeviceId, PumpState> pumps() {
        Map<DeviceId, PumpState> states = new LinkedHashMap<>();
        pumps.forEach((id, track) -> states.put(id, track.state()));
        return Collections.unmodifiableMap(states);
    }

    public Optional<PumpState> pump(DeviceId deviceId) {
        return Optional.ofNullable(pumps.get(deviceId)).map(Track::state);
    }

    private Amount total() {
        return pumps.values().stream().map(Track::delivered).reduce(Amount.NONE, Amount::plus);
    }

    /**
     * The rate integrated over the interval from one message to the next: {@code rate × hours} while the earlier
     * message said the pump was infusing, else nothing.
     */
    static double integratedMl(PumpState before, PumpReport next) {
        Double rate = before.programme().rateMlPerHour();
        if (before.status() != PumpStatus.INFUSING || rate == null) {
            return 0;
        }
        Duration interval = before.deviceTime() != null && next.deviceTime() != null
                ? Duration.between(before.deviceTime(), next.deviceTime())
                : Duration.between(before.receivedAt(), next.receivedAt());
        return interval.isNegative() ? 0 : rate * interval.toMillis() / MILLIS_PER_HOUR;
    }

    /**
     * One pump's share.
     *
     * @param counterMl   the pump's last volume-infused reading, {@code null} before the first
     * @param settled     what counter readings (and estimates a counter confirmed) say was delivered
     * @param provisional rate integrated since the last counter reading, replaced by the next one
     */
    private record Track(PumpState state, Double counterMl, Amount settled, Amount provisional) {

        static Track first(PumpReport report) {
            PumpState state = PumpState.first(report);
            Double counter = report.volumeInfusedMl();
            Amount settled = counter == null ? Amount.NONE : Amount.of(Math.max(0, counter), concentration(state));
            return new Track(state, counter, settled, Amount.NONE);
        }

        Track next(PumpReport report) {
            PumpState after = state.next(report);
            Amount estimated = provisional.plus(Amount.of(integratedMl(state, report), concentration(state)));
            Double counter = report.volumeInfusedMl();
            if (counter == null) {
                return new Track(after, counterMl, settled, estimated);
            }
            if (counterMl == null) {
                return new Track(after, counter, settled.plus(Amount.of(Math.max(0, counter), concentration(after))),
                        Amount.NONE);
            }
            double sinceLast = counter >= counterMl ? counter - counterMl : Math.max(0, counter);
            return new Track(after, counter, settled.plus(Amount.of(sinceLast, concentration(after))), Amount.NONE);
        }

        Amount delivered() {
            return settled.plus(provisional);
        }

        private static Double concentration(PumpState state) {
            return state.programme().concentrationMgPerMl();
        }
    }

    /** Volume with its milligrams, and volume whose concentration was not known. */
    private record Amount(double ml, double mg, double unpricedMl) {

        static final Amount NONE = new Amount(0, 0, 0);

        static Amount of(double ml, Double concentrationMgPerMl) {
            return concentrationMgPerMl == null ? new Amount(0, 0, ml)
                    : new Amount(ml, ml * concentrationMgPerMl, 0);
        }

        Amount plus(Amount other) {
            return new Amount(ml + other.ml, mg + other.mg, unpricedMl + other.unpricedMl);
        }
    }

    @Override
    public String toString() {
        return "DoseLedger[" + deliveredMl() + " mL, " + deliveredMg(null) + " mg from " + pumps.size() + " pumps]";
    }
}
