package org.vigil.adapters.hl7.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One OBX segment as the mappers need it, read once from the HAPI structure ({@link PcdReader}).
 * Strings are stripped and never {@code null}; absent fields are empty.
 *
 * @param valueType      OBX-2
 * @param code           OBX-3.1, the MDC code as written (IHE PCD sends {@code 0} for codes pending assignment)
 * @param referenceId    OBX-3.2, the MDC reference id ({@code MDC_FLOW_FLUID_PUMP})
 * @param subId          OBX-4, the containment path {@code MDS.VMD.CHAN.METRIC[.FACET]}
 * @param value          the components of the first OBX-5 repetition
 * @param unit           OBX-6 in UCUM when known ({@link MdcUnits})
 * @param interpretation OBX-8, every repetition (PCD-04 alarm priority, type and abnormality)
 * @param time           OBX-14, or {@code null}
 * @param orderTime      OBR-7 of the row's order, or {@code null}
 * @param equipmentId    OBX-18.1
 * @param equipmentUniversalId OBX-18.3
 */
record ObxRow(String valueType, String code, String referenceId, String subId, List<String> value, String unit,
              List<String> interpretation, Instant time, Instant orderTime, String equipmentId, String equipmentUniversalId) {

    private static final Pattern MDC_CODE = Pattern.compile("\\d{1,9}");

    ObxRow {
        value = List.copyOf(value);
        interpretation = List.copyOf(interpretation);
    }

    /**
     * OBX-3.1 as a number, when it is one and not the placeholder {@code 0}. Asked once for every term a row is
     * compared with, so the pattern is compiled once, not at every call ({@code String.matches} compiles it anew).
     */
    Optional<Integer> mdcCode() {
        if (!MDC_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(code);
        return number == 0 ? Optional.empty() : Optional.of(number);
    }

    /** Whether OBX-3 names this term, by its code or by its reference id (codes may be pending: PCD TF-2 A.1). */
    boolean is(MdcTerm term) {
        return term.matches(mdcCode().orElse(0), referenceId);
    }

    /** OBX-5.{@code index} (0-based), or empty. */
    String valueComponent(int index) {
        return index < value.size() ? value.get(index) : "";
    }

    /** The first OBX-5 component. */
    String text() {
        return valueComponent(0);
    }

    /**
     * The words of a coded or text value: for a CWE, the original text (CWE.9), else its text (CWE.2), else
     * its identifier; for any other type, the first component.
     */
    String words() {
        if ("CWE".equalsIgnoreCase(valueType) || "CE".equalsIgnoreCase(valueType)) {
            for (int index : new int[] {8, 1, 0}) {
                if (!valueComponent(index).isEmpty()) {
                    return valueComponent(index);
                }
            }
            return "";
        }
        String first = text();
        return first.isEmpty() ? valueComponent(1) : first;
    }

    /** The enumerated value of a status row: the CWE text ({@code ^pump-status-infusing}) or the plain value. */
    String enumerated() {
        String text = valueComponent(1);
        return (text.isEmpty() ? text() : text).toLowerCase(java.util.Locale.ROOT);
    }

    /** OBX-5 as a number, or empty when it is missing or not a number. */
    Optional<Double> number() {
        String first = text();
        return UntypedObx.NUMBER.matcher(first).matches() ? Optional.of(Double.valueOf(first)) : Optional.empty();
    }

    /** The first part of OBX-4, the MDS the row belongs to; empty when OBX-4 is empty. */
    String mds() {
        int dot = subId.indexOf('.');
        return dot < 0 ? subId : subId.substring(0, dot);
    }

    /** The parts of OBX-4. */
    List<String> containment() {
        return subId.isEmpty() ? List.of() : List.of(subId.split("\\.", -1));
    }
}
