package org.vigil.adapters.hl7.wire;

import java.util.regex.Pattern;

/**
 * Gives an OBX whose OBX-2 is empty the type {@code NM} when its OBX-5 is a number, before HAPI parses it.
 *
 * <p>Monitors often leave OBX-2 empty (docs/PROTOCOLS.md §1). HAPI then reads OBX-5 as the default type and
 * writes that type into OBX-2, so after parsing an untyped number can no longer be told from a row the
 * device explicitly sent as text (a serial number, a model name). Typing the untyped numbers here keeps
 * that difference: they become the numeric rows they are, and everything else untyped stays text.
 */
final class UntypedObx {

    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private UntypedObx() {
    }

    /**
     * @param text       the message, segments separated by {@code \r}
     * @param encoding   MSH-2, the encoding characters (component separator first, repetition second)
     */
    static String typeNumbers(String text, char fieldSeparator, String encoding) {
        String field = Pattern.quote(String.valueOf(fieldSeparator));
        char component = encoding.charAt(0);
        char repetition = encoding.length() > 1 ? encoding.charAt(1) : component;
        String[] segments = text.split("\r", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("OBX" + fieldSeparator)) {
                String[] fields = segments[i].split(field, -1);
                if (fields.length > 5 && fields[2].isBlank() && NUMBER.matcher(firstValue(fields[5], component, repetition)).matches()) {
                    fields[2] = "NM";
                    segments[i] = String.join(String.valueOf(fieldSeparator), fields);
                }
            }
        }
        return String.join("\r", segments);
    }

    private static String firstValue(String field, char component, char repetition) {
        int end = field.length();
        int c = field.indexOf(component);
        int r = field.indexOf(repetition);
        if (c >= 0) {
            end = Math.min(end, c);
        }
        if (r >= 0) {
            end = Math.min(end, r);
        }
        return field.substring(0, end).strip();
    }
}
