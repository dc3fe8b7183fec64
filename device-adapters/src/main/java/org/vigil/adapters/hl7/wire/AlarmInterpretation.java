package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the alarm priority and type a device writes in OBX-8 of an alarm row (IHE PCD TF-2, PCD-04 OBX-8
 * interpretation codes: priority {@code PH} high, {@code PM} medium, {@code PL} low, {@code PN} none; type
 * {@code SP} physiological, {@code ST} technical, {@code SA} advisory), or in the
 * {@code MDC_ATTR_ALARM_PRIORITY} / {@code MDC_ATTR_ALERT_TYPE} rows some gateways send instead.
 * No priority ({@code PN}) and advisories have no counterpart in IEC 60601-1-8's alarm classes, so they
 * read as empty.
 */
final class AlarmInterpretation {

    private AlarmInterpretation() {
    }

    static Optional<AlarmPriority> priority(List<String> codes) {
        for (String code : codes) {
            switch (code.strip().toUpperCase(Locale.ROOT)) {
                case "PH" -> {
                    return Optional.of(AlarmPriority.HIGH);
                }
                case "PM" -> {
                    return Optional.of(AlarmPriority.MEDIUM);
                }
                case "PL" -> {
                    return Optional.of(AlarmPriority.LOW);
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    static Optional<AlarmKind> kind(List<String> codes) {
        for (String code : codes) {
            switch (code.strip().toUpperCase(Locale.ROOT)) {
                case "SP" -> {
                    return Optional.of(AlarmKind.PHYSIOLOGICAL);
                }
                case "ST" -> {
                    return Optional.of(AlarmKind.TECHNICAL);
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }
}
