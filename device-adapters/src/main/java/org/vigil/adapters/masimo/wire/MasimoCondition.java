package org.vigil.adapters.masimo.wire;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A technical condition the oximeter reports in its {@code EXC} or {@code ALARM} bit field, as Vigil records it: a
 * device alarm whose code is {@code masimo-<flag>} (e.g. {@code masimo-sensor-off}) and whose text is the
 * condition in words.
 *
 * @param code the alarm code, stable across versions: it names the rule the alarm is raised under
 * @param text what the station shows
 */
public record MasimoCondition(String code, String text) implements Comparable<MasimoCondition> {

    public MasimoCondition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    static MasimoCondition of(Enum<?> flag, String text) {
        return new MasimoCondition("masimo-" + flag.name().toLowerCase(Locale.ROOT).replace('_', '-'), text);
    }

    /** The technical conditions of one line, in code order. */
    public static Set<MasimoCondition> of(MasimoReading reading) {
        TreeMap<String, MasimoCondition> conditions = new TreeMap<>();
        for (ExceptionFlag flag : ExceptionFlag.of(reading.exceptionBits())) {
            MasimoCondition condition = of(flag, flag.text());
            conditions.put(condition.code(), condition);
        }
        for (AlarmFlag flag : AlarmFlag.of(reading.alarmBits())) {
            if (flag.technical()) {
                MasimoCondition condition = of(flag, flag.text());
                conditions.put(condition.code(), condition);
            }
        }
        return new TreeSet<>(conditions.values());
    }

    @Override
    public int compareTo(MasimoCondition other) {
        return code.compareTo(other.code);
    }
}
