package org.vigil.adapters.masimo.wire;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One decoded line of the oximeter's ASCII 1 output. A value the oximeter wrote as dashes is {@code null}, never
 * zero; a field the line does not carry at all (a Rad-8 has no SpCO) is {@code null} too, and {@code has…} says
 * which it was.
 *
 * @param deviceTime     the oximeter's clock, in its own zone, to the second
 * @param serialNumber   the {@code SN} field, or {@code null} when the model does not send one
 * @param spo2           functional oxygen saturation, %
 * @param pulseRate      pulse rate, /min
 * @param perfusionIndex perfusion index, %
 * @param spco           carboxyhaemoglobin saturation, %; {@code hasSpco} says whether the line carries the field
 * @param spmet          methaemoglobin saturation, %; {@code hasSpmet} says whether the line carries the field
 * @param alarmBits      the {@code ALARM} field, a hexadecimal bit field ({@link AlarmFlag})
 * @param exceptionBits  the {@code EXC} field, a hexadecimal bit field ({@link ExceptionFlag})
 * @param skippedBytes   bytes before the date that were not part of the line (garbage glued to its start)
 */
public record MasimoReading(LocalDateTime deviceTime, String serialNumber, Integer spo2, Integer pulseRate,
                            Double perfusionIndex, boolean hasSpco, Double spco, boolean hasSpmet, Double spmet,
                            int alarmBits, int exceptionBits, int skippedBytes) {

    public MasimoReading {
        Objects.requireNonNull(deviceTime, "device time");
    }
}
