package org.vigil.query.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What the stored form of an observation leaves out because its MDC code already says it: the code's reference id
 * ({@code label}) and UCUM unit ({@code unit}), and the {@code .0} of a whole-number value. An observation is any
 * JSON object with an {@code mdcCode} of the table below (only {@code org.vigil.core.api.Observation} has one).
 *
 * <p>The table is part of the stored format, like the golden fixtures: a code's entry is never changed or removed,
 * because events stored without a label or unit are read back with the entry's; a code may be added. It is
 * deliberately not taken from {@code Vital}, whose names may change without rewriting the record.
 *
 * <p>{@link #omit} and {@link #restore} are exact inverses on Vigil's JSON: an observation whose label or unit
 * differs from the table keeps it, and {@code restore} only fills fields that are absent, which they never are in
 * an event as Vigil writes it.
 */
final class ObservationDefaults {

    private static final String CODE = "mdcCode";
    private static final String LABEL = "label";
    private static final String VALUE = "value";
    private static final String UNIT = "unit";
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);
    private static final double LARGEST_EXACT_LONG = 9_007_199_254_740_992.0;

    private record Defaults(String label, String unit) {
    }

    /** IEEE 11073-10101 code → reference id and UCUM unit, as Vigil stored them from its first release. */
    private static final Map<Integer, Defaults> TABLE = Map.of(
            147842, new Defaults("MDC_ECG_HEART_RATE", "/min"),
            149530, new Defaults("MDC_PULS_OXIM_PULS_RATE", "/min"),
            150456, new Defaults("MDC_PULS_OXIM_SAT_O2", "%"),
            150021, new Defaults("MDC_PRESS_BLD_NONINV_SYS", "mm[Hg]"),
            150022, new Defaults("MDC_PRESS_BLD_NONINV_DIA", "mm[Hg]"),
            150023, new Defaults("MDC_PRESS_BLD_NONINV_MEAN", "mm[Hg]"),
            149546, new Defaults("MDC_PULS_RATE_NON_INV", "/min"),
            151562, new Defaults("MDC_RESP_RATE", "/min"),
            151708, new Defaults("MDC_AWAY_CO2_ET", "mm[Hg]"));

    private ObservationDefaults() {
    }

    /** A copy of {@code tree} with what every observation's code implies left out. */
    static JsonNode omit(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        visit(copy, true);
        return copy;
    }

    /** {@code stored} with every observation's implied label, unit and {@code .0} put back, changed in place. */
    static JsonNode restore(JsonNode stored) {
        visit(stored, false);
        return stored;
    }

    private static void visit(JsonNode node, boolean omit) {
        if (node.isObject()) {
            Defaults defaults = defaultsOf(node);
            if (defaults != null) {
                if (omit) {
                    omit((ObjectNode) node, defaults);
                } else {
                    restore((ObjectNode) node, defaults);
                }
            }
            node.forEach(child -> visit(child, omit));
        } else if (node.isArray()) {
            node.forEach(child -> visit(child, omit));
        }
    }

    private static Defaults defaultsOf(JsonNode node) {
        JsonNode code = node.get(CODE);
        return code != null && code.isInt() ? TABLE.get(code.intValue()) : null;
    }

    private static void omit(ObjectNode observation, Defaults defaults) {
        if (defaults.label().equals(observation.path(LABEL).textValue())) {
            observation.remove(LABEL);
        }
        if (defaults.unit().equals(observation.path(UNIT).textValue())) {
            observation.remove(UNIT);
        }
        JsonNode value = observation.get(VALUE);
        if (value != null && value.isDouble() && isWhole(value.doubleValue())) {
            observation.put(VALUE, (long) value.doubleValue());
        }
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_LONG
                && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO;
    }

    /** Puts the fields back in the order Vigil writes them: code, label, value, unit, then the others. */
    private static void restore(ObjectNode observation, Defaults defaults) {
        if (observation.has(LABEL) && observation.has(UNIT) && !observation.path(VALUE).isIntegralNumber()) {
            return;
        }
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        ordered.set(CODE, observation.get(CODE));
        ordered.set(LABEL, observation.has(LABEL) ? observation.get(LABEL) : ordered.textNode(defaults.label()));
        JsonNode value = observation.get(VALUE);
        if (value != null) {
            ordered.set(VALUE, value.isIntegralNumber() ? ordered.numberNode(value.doubleValue()) : value);
        }
        ordered.set(UNIT, observation.has(UNIT) ? observation.get(UNIT) : ordered.textNode(defaults.unit()));
        for (Iterator<Map.Entry<String, JsonNode>> fields = observation.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!ordered.has(field.getKey())) {
                ordered.set(field.getKey(), field.getValue());
            }
        }
        observation.removeAll();
        observation.setAll(ordered);
    }
}
