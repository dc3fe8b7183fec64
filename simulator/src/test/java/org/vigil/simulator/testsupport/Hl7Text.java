package org.vigil.simulator.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads HL7 v2 text the plain way a test should: split on carriage returns, then on '|'. */
public final class Hl7Text {

    private Hl7Text() {
    }

    public static List<String> segments(String message) {
        return List.of(message.split("\r"));
    }

    /** The fields of a segment; index n is field n (for MSH, field n as HL7 counts it, MSH-1 being '|'). */
    public static List<String> fields(String segment) {
        List<String> fields = new ArrayList<>(List.of(segment.split(Pattern.quote("|"), -1)));
        if (segment.startsWith("MSH")) {
            fields.add(1, "|");
        }
        return fields;
    }

    public static String field(String message, String segmentName, int n) {
        for (String segment : segments(message)) {
            if (segment.startsWith(segmentName + "|")) {
                List<String> fields = fields(segment);
                return n < fields.size() ? fields.get(n) : "";
            }
        }
        throw new AssertionError("no " + segmentName + " segment in " + message.replace('\r', '\n'));
    }

    /** OBX-5 of the first NM row whose OBX-3 starts with the MDC code, or null when there is none. */
    public static Integer value(String message, int mdcCode) {
        for (String segment : segments(message)) {
            List<String> fields = fields(segment);
            if (fields.get(0).equals("OBX") && fields.size() > 5 && fields.get(3).startsWith(mdcCode + "^")) {
                return Integer.valueOf(fields.get(5));
            }
        }
        return null;
    }
}
