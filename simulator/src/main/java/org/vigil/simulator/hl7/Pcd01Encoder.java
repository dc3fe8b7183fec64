package org.vigil.simulator.hl7;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.simulator.patient.Measurement;

/**
 * Writes an IHE PCD-01 "Communicate PCD Data" message, HL7 v2.6 {@code ORU^R01^ORU_R01}, as a device
 * observation reporter sends it (IHE PCD TF-2, PCD-01 static definition and its example messages): MSH,
 * PID, PV1, one OBR, then the MDS row, and for each virtual medical device present its VMD and channel rows
 * followed by one NM row per metric. Segments end with a carriage return.
 */
public final class Pcd01Encoder {

    /** MSH-21: the IHE PCD-01 message profile. */
    public static final String MESSAGE_PROFILE = "IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO";
    /** MSH-3 namespace of the sending application. */
    public static final String SENDING_APPLICATION = "VIGIL_SIM";
    /** OBR-4: the universal service identifier PCD-01 uses for periodic monitoring. */
    public static final String MONITORING_OF_PATIENT = "182777000^monitoring of patient^SNOMED-CT";

    private static final DateTimeFormatter HL7_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);
    private static final char SEGMENT_END = '\r';

    private Pcd01Encoder() {
    }

    /** The message for one set of measurements taken at {@code observedAt}, with control id {@code controlId}. */
    public static String encode(MonitorIdentity monitor, String controlId, Instant observedAt,
            List<Measurement> measurements) {
        String time = HL7_TIME.format(observedAt);
        String device = escape(monitor.deviceName());
        String eui = monitor.eui64();
        String filler = escape(controlId) + "^" + SENDING_APPLICATION + "^" + eui + "^EUI-64";
        StringBuilder message = new StringBuilder(1024);
        segment(message, "MSH|^~\\&|" + SENDING_APPLICATION + "^" + eui + "^EUI-64|VIGIL|||" + time
                + "||ORU^R01^ORU_R01|" + escape(controlId) + "|P|2.6|||AL|NE||UNICODE UTF-8|||" + MESSAGE_PROFILE);
        segment(message, "PID|||" + escape(monitor.patientPseudonym()) + "^^^VIGIL_SIM^PI");
        segment(message, "PV1||O|" + escape(monitor.chairName()));
        segment(message, "OBR|1|" + filler + "|" + filler + "|" + MONITORING_OF_PATIENT + "|||" + time);
        List<String> observations = observationRows(measurements, time, device + "^^" + eui + "^EUI-64");
        for (int i = 0; i < observations.size(); i++) {
            segment(message, "OBX|" + (i + 1) + "|" + observations.get(i));
        }
        return message.toString();
    }

    /** OBX-2 onwards for every row, in containment order. */
    private static List<String> observationRows(List<Measurement> measurements, String time, String equipment) {
        List<Measurement> ordered = new ArrayList<>(measurements);
        ordered.sort(Comparator.comparing((Measurement m) -> MdcTerm.of(m.vital()).group.number)
                .thenComparing(m -> MdcTerm.of(m.vital()).metricNumber));
        List<String> rows = new ArrayList<>();
        rows.add("|" + MdcTerm.MDS + "|1.0.0.0|||||||X");
        MdcTerm.Group current = null;
        for (Measurement measurement : ordered) {
            MdcTerm term = MdcTerm.of(measurement.vital());
            int vmd = term.group.number;
            if (term.group != current) {
                current = term.group;
                rows.add("|" + current.vmd + "|1." + vmd + ".0.0|||||||X");
                rows.add("|" + current.channel + "|1." + vmd + ".1.0|||||||X");
            }
            rows.add("NM|" + term.observationIdentifier + "|1." + vmd + ".1." + term.metricNumber + "|"
                    + measurement.value() + "|" + term.unit.field + "|||||R|||" + time + "||||" + equipment);
        }
        return rows;
    }

    private static void segment(StringBuilder message, String segment) {
        message.append(segment).append(SEGMENT_END);
    }

    /** HL7 escape sequences (v2.6 chapter 2.7) for the delimiters that may appear in names. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\E\\");
                case '|' -> escaped.append("\\F\\");
                case '^' -> escaped.append("\\S\\");
                case '&' -> escaped.append("\\T\\");
                case '~' -> escaped.append("\\R\\");
                case '\r', '\n' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
