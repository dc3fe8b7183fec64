package org.vigil.simulator.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an HL7 v2 ACK: the delimiters from MSH-1/MSH-2, MSA-1 and MSA-2, and the NAK reason from MSA-3 and
 * each ERR segment (ERR-3 text, ERR-7 diagnostic information, ERR-8 user message; v2.6 chapter 2.15).
 * Anything that is not a readable acknowledgement is an empty result, never an exception.
 */
public final class AcknowledgementDecoder {

    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("\r\n|\r|\n");

    private AcknowledgementDecoder() {
    }

    public static Optional<Acknowledgement> decode(String message) {
        String[] segments = SEGMENT_SEPARATOR.split(message);
        if (segments.length == 0 || !segments[0].startsWith("MSH") || segments[0].length() < 8) {
            return Optional.empty();
        }
        char fieldSeparator = segments[0].charAt(3);
        char componentSeparator = segments[0].charAt(4);
        String[] msa = null;
        List<String> reasons = new ArrayList<>();
        for (String segment : segments) {
            String[] fields = segment.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
            if (fields[0].equals("MSA") && msa == null) {
                msa = fields;
                addIfPresent(reasons, field(fields, 3));
            } else if (fields[0].equals("ERR")) {
                addIfPresent(reasons, component(field(fields, 3), componentSeparator, 1));
                addIfPresent(reasons, field(fields, 7));
                addIfPresent(reasons, field(fields, 8));
            }
        }
        if (msa == null) {
            return Optional.empty();
        }
        String rawCode = field(msa, 1);
        String controlId = field(msa, 2);
        return AckCode.of(rawCode)
                .map(code -> new Acknowledgement(code, rawCode, controlId, String.join("; ", reasons)));
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }

    private static String component(String field, char separator, int index) {
        String[] components = field.split(Pattern.quote(String.valueOf(separator)), -1);
        return index < components.length ? components[index] : "";
    }

    private static void addIfPresent(List<String> reasons, String text) {
        if (!text.isBlank() && !reasons.contains(text)) {
            reasons.add(text);
        }
    }
}
