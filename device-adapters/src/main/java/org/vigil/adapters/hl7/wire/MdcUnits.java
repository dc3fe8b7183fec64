package org.vigil.adapters.hl7.wire;

import ca.uhn.hl7v2.model.v26.datatype.CWE;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the unit of an OBX-6 into UCUM, the unit every stored observation carries (docs/DOMAIN.md, "Vital signs").
 * PCD-01 devices send IEEE 11073-10101 unit codes ({@code 266016^MDC_DIM_MMHG^MDC}); some gateways send
 * UCUM already ({@code mm[Hg]^mm[Hg]^UCUM}, {@code {beat}/min}), and pump messages send both, UCUM as the
 * alternate coding ({@code 265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM}, IPEC supplement sample
 * message). UCUM annotations in curly braces carry no meaning for the unit (UCUM specification, "Curly
 * braces"), so {@code {beat}/min} is stored as {@code /min}. Anything else is kept as the device's own text.
 */
final class MdcUnits {

    private static final Map<String, String> UCUM_BY_MDC_CODE = Map.ofEntries(
            Map.entry("266016", "mm[Hg]"),
            Map.entry("264864", "/min"),
            Map.entry("262688", "%"),
            Map.entry("264928", "/min"),
            Map.entry("268192", "Cel"),
            Map.entry("265266", "mL/h"),
            Map.entry("263762", "mL"),
            Map.entry("264306", "mg/mL"),
            Map.entry("265619", "ug/kg/min"),
            Map.entry("264352", "min"),
            Map.entry("263875", "kg"));

    private static final Map<String, String> UCUM_BY_MDC_NAME = Map.ofEntries(
            Map.entry("MDC_DIM_MMHG", "mm[Hg]"),
            Map.entry("MDC_DIM_BEAT_PER_MIN", "/min"),
            Map.entry("MDC_DIM_PERCENT", "%"),
            Map.entry("MDC_DIM_RESP_PER_MIN", "/min"),
            Map.entry("MDC_DIM_DEGC", "Cel"),
            Map.entry("MDC_DIM_MILLI_L_PER_HR", "mL/h"),
            Map.entry("MDC_DIM_MILLI_L_PER_MIN", "mL/min"),
            Map.entry("MDC_DIM_MILLI_L", "mL"),
            Map.entry("MDC_DIM_L", "L"),
            Map.entry("MDC_DIM_MILLI_G_PER_ML", "mg/mL"),
            Map.entry("MDC_DIM_MICRO_G_PER_ML", "ug/mL"),
            Map.entry("MDC_DIM_MILLI_G_PER_HR", "mg/h"),
            Map.entry("MDC_DIM_MILLI_G_PER_MIN", "mg/min"),
            Map.entry("MDC_DIM_MILLI_G_PER_KG_PER_HR", "mg/kg/h"),
            Map.entry("MDC_DIM_MILLI_G_PER_KG_PER_MIN", "mg/kg/min"),
            Map.entry("MDC_DIM_MICRO_G_PER_KG_PER_MIN", "ug/kg/min"),
            Map.entry("MDC_DIM_MICRO_G_PER_KG_PER_HR", "ug/kg/h"),
            Map.entry("MDC_DIM_MICRO_G_PER_MIN", "ug/min"),
            Map.entry("MDC_DIM_MICRO_G_PER_HR", "ug/h"),
            Map.entry("MDC_DIM_SEC", "s"),
            Map.entry("MDC_DIM_MIN", "min"),
            Map.entry("MDC_DIM_HR", "h"),
            Map.entry("MDC_DIM_KILO_G", "kg"));

    private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");

    private MdcUnits() {
    }

    static String toUcum(CWE units) {
        String alternate = PcdReader.text(units.getCwe4_AlternateIdentifier());
        String alternateSystem = PcdReader.text(units.getCwe6_NameOfAlternateCodingSystem());
        String unit = toUcum(PcdReader.text(units.getCwe1_Identifier()), PcdReader.text(units.getCwe2_Text()),
                PcdReader.text(units.getCwe3_NameOfCodingSystem()));
        if (unit.isEmpty() && "UCUM".equalsIgnoreCase(alternateSystem)) {
            return withoutAnnotations(alternate);
        }
        boolean known = UCUM_BY_MDC_CODE.containsValue(unit) || UCUM_BY_MDC_NAME.containsValue(unit);
        if (!known && !alternate.isEmpty() && "UCUM".equalsIgnoreCase(alternateSystem)) {
            return withoutAnnotations(alternate);
        }
        return unit;
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
