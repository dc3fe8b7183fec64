package org.vigil.adapters.hl7.wire;

import java.util.Optional;

/**
 * Reads the MSH segment from the raw text without HAPI, so a header is known even when the rest of the
 * message does not parse (HL7 v2.6 chapter 2, MSH segment: MSH-1 is the field separator, MSH-2 the encoding characters,
 * component, repetition, escape and subcomponent, in that order).
 */
final class MshReader {

    private static final String STANDARD_ENCODING = "^~\\&";

    private MshReader() {
    }

    static Optional<Hl7Header> read(String message) {
        String text = message.stripLeading();
        if (text.length() < 8 || !text.startsWith("MSH")) {
            return Optional.empty();
        }
        char fieldSeparator = text.charAt(3);
        if (Character.isLetterOrDigit(fieldSeparator) || Character.isWhitespace(fieldSeparator)) {
            return Optional.empty();
        }
        int end = segmentEnd(text);
        String[] fields = text.substring(0, end).split(java.util.regex.Pattern.quote(String.valueOf(fieldSeparator)), -1);
        String encoding = fields.length > 1 ? fields[1] : "";
        if (encoding.length() < 2 || encoding.length() > 5) {
            return Optional.empty();
        }
        return Optional.of(new Hl7Header(
                field(fields, 3, encoding), field(fields, 4, encoding), field(fields, 5, encoding),
                field(fields, 6, encoding), field(fields, 7, encoding), field(fields, 9, encoding),
                field(fields, 10, encoding), field(fields, 11, encoding), field(fields, 12, encoding)));
    }

    private static int segmentEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return text.length();
    }

    /** MSH-n sits at index n - 1 because MSH-1 is the separator itself. */
    private static String field(String[] fields, int number, String encoding) {
        int index = number - 1;
        return index < fields.length ? toStandardEncoding(fields[index].strip(), encoding) : "";
    }

    private static String toStandardEncoding(String value, String encoding) {
        if (STANDARD_ENCODING.startsWith(encoding) || encoding.startsWith(STANDARD_ENCODING)) {
            return value;
        }
        StringBuilder standard = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            int position = encoding.indexOf(c);
            standard.append(position >= 0 && position < STANDARD_ENCODING.length()
                    ? STANDARD_ENCODING.charAt(position) : c);
        }
        return standard.toString();
    }
}
