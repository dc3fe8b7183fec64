package org.vigil.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One measured value as the device reported it.
 *
 * @param mdcCode    IEEE 11073 MDC code (for example 150021 for NIBP systolic)
 * @param label      the code's reference id or the device's own text for it
 * @param value      the value, or {@code null} when the device reports it as not available
 * @param unit       UCUM unit ({@code mm[Hg]}, {@code /min}, {@code %}) when known, else the device's unit text
 * @param deviceTime when the device says it measured the value (device clocks drift; see receive time); in a
 *                   stored {@link ObservationsRecordedEvent}, {@code null} when it is the message's time, which is
 *                   then not repeated (nor written at all)
 */
public record Observation(int mdcCode, String label, Double value, String unit,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Instant deviceTime) {
    public Observation {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
    }

    public static Observation of(Vital vital, double value, Instant deviceTime) {
        return new Observation(vital.mdcCode(), vital.mdcName(), value, vital.unit(), deviceTime);
    }

    public static Observation notAvailable(Vital vital, Instant deviceTime) {
        return new Observation(vital.mdcCode(), vital.mdcName(), null, vital.unit(), deviceTime);
    }

    public Optional<Vital> vital() {
        return Vital.ofMdcCode(mdcCode);
    }

    public boolean available() {
        return value != null;
    }
}
