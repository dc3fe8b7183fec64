package org.vigil.simulator.pump;

import java.util.List;
import org.vigil.simulator.testsupport.Hl7Text;

/** Reads pump messages the plain way: the OBX row whose OBX-3 starts with a code, by field. */
final class PumpHl7Reading {

    private PumpHl7Reading() {
    }

    static List<String> row(String message, String observationIdentifierStart) {
        for (String segment : Hl7Text.segments(message)) {
            List<String> fields = Hl7Text.fields(segment);
            if (fields.get(0).equals("OBX") && fields.size() > 3 && fields.get(3).startsWith(observationIdentifierStart)) {
                return fields;
            }
        }
        throw new AssertionError("no OBX " + observationIdentifierStart + " in " + message.replace('\r', '\n'));
    }

    static String value(String message, String observationIdentifierStart) {
        return row(message, observationIdentifierStart).get(5);
    }

    static long count(String message, String segmentName) {
        return Hl7Text.segments(message).stream().filter(s -> s.startsWith(segmentName + "|")).count();
    }
}
