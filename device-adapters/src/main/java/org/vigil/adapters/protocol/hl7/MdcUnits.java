package org.vigil.adapters.protocol.hl7;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the unit of an OBX-6 into UCUM, the unit every stored observation carries (DOMAIN.md, "Vital signs").
 * PCD-01 devices send IEEE 11073-10101 unit codes ({@code 266016^MDC_DIM_MMHG^MDC}); some gateways send
 * UCUM already ({@code mm[Hg]^mm[Hg]^UCUM}, {@code {beat}/min}). UCUM annotations in curly braces carry no
 * meaning for the unit (UCUM specification, "Curly braces"), so {@code {beat}/min} is stored as {@code /min}.
 * Anything else is kept as the device's own text.
 */
final class MdcUnits {

    private static final Map<String, String> UCUM_BY_MDC_CODE = Map.of(
            "266016", "mm[Hg]",
            "264864", "/min",
            "262688", "%",
            "264928", "/min",
            "268192", "Cel");

    private static final Map<String, String> UCUM_BY_MDC_NAME = Map.of(
            "MDC_DIM_MMHG", "mm[Hg]",
            "MDC_DIM_BEAT_PER_MIN", "/min",
            "MDC_DIM_PERCENT", "%",
            "MDC_DIM_RESP_PER_MIN", "/min",
            "MDC_DIM_DEGC", "Cel");

    private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");

    private MdcUnits() {
    }

    /**
     * @param code         OBX-6.1
     * @param text         OBX-6.2
     * @param codingSystem OBX-6.3
     */
    static String toUcum(String code, String text, String codingSystem) {
        String known = UCUM_BY_MDC_CODE.get(code);
        if (known == null) {
            known = UCUM_BY_MDC_NAME.get(text);
        }
        if (known != null) {
            return known;
        }
        if ("UCUM".equalsIgnoreCase(codingSystem)) {
            return withoutAnnotations(code.isEmpty() ? text : code);
        }
        return text.isEmpty() ? code : text;
    }

    private static String withoutAnnotations(String unit) {
        String bare = ANNOTATION.matcher(unit).replaceAll("");
        return bare.isEmpty() ? unit : bare;
    }
}
