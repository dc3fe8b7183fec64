package org.vigil.simulator.pump;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts the three pump messages share (IHE PCD TF-2, PCD-01; IPEC supplement Rev. 1.5, X.1.1 and its
 * "Delivery Start Event" sample message; ACM PCD-04): header, patient, location, the pump's containment rows and
 * the delivery metrics of the active source. Terms and units are those of the IPEC sample: MDS
 * {@code 69985 MDC_DEV_PUMP_INFUS_MDS}, VMD {@code 69986 MDC_DEV_PUMP_INFUS_VMD}, delivery channel
 * {@code 126978 MDC_DEV_PUMP_INFUS_CHAN_DELIVERY}; {@code 157784 MDC_FLOW_FLUID_PUMP} in
 * {@code 265266 MDC_DIM_MILLI_L_PER_HR}, {@code 157884 MDC_VOL_FLUID_TBI}, {@code 157993
 * MDC_VOL_FLUID_DELIV_TOTAL} and {@code 157872 MDC_VOL_FLUID_TBI_REMAIN} in {@code 263762 MDC_DIM_MILLI_L},
 * {@code 157916 MDC_TIME_PD_REMAIN} in {@code 264352 MDC_DIM_MIN}, {@code 184514 MDC_DRUG_NAME_LABEL},
 * {@code 157760 MDC_CONC_DRUG} in {@code 264306 MDC_DIM_MILLI_G_PER_ML}, {@code 157924 MDC_RATE_DOSE}. The volume
 * infused of the programme is also sent as {@code 157864 MDC_VOL_FLUID_DELIV} (docs/DOMAIN.md). The dose-rate unit
 * mg/kg/h has no MDC code we could confirm and is sent as UCUM only.
 */
final class PumpHl7 {

    static final String SENDING_APPLICATION = "VIGIL_SIM";
    static final String MDS = "69985^MDC_DEV_PUMP_INFUS_MDS^MDC";
    static final String VMD = "69986^MDC_DEV_PUMP_INFUS_VMD^MDC";
    static final String DELIVERY_CHANNEL = "126978^MDC_DEV_PUMP_INFUS_CHAN_DELIVERY^MDC";
    static final String ML = "263762^MDC_DIM_MILLI_L^MDC^mL^mL^UCUM";
    static final String ML_PER_HOUR = "265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    private PumpHl7() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** MSH, PID, PV1 and OBR of a pump message, each ending with a carriage return. */
    static StringBuilder header(PumpIdentity pump, String controlId, Instant at, String messageType, String profile,
                                String serviceIdentifier, String filler, String parent) {
        String time = time(at);
        String fillerId = escape(filler) + "^" + SENDING_APPLICATION + "^" + pump.eui64() + "^EUI-64";
        StringBuilder message = new StringBuilder(2048);
        message.append("MSH|^~\\&|").append(SENDING_APPLICATION).append('^').append(pump.eui64())
                .append("^EUI-64|VIGIL|||").append(time).append("||").append(messageType).append('|')
                .append(escape(controlId)).append("|P|2.6|||AL|NE||UNICODE UTF-8|||").append(profile).append('\r');
        message.append("PID|||").append(escape(pump.patientPseudonym())).append("^^^VIGIL_SIM^PI\r");
        message.append("PV1||O|").append(escape(pump.chairName())).append('\r');
        message.append("OBR|1|").append(escape(controlId)).append('^').append(SENDING_APPLICATION).append('^')
                .append(pump.eui64()).append("^EUI-64|").append(fillerId).append('|').append(serviceIdentifier)
                .append("|||").append(time);
        if (parent != null) {
            message.append("|".repeat(22)).append('^').append(escape(parent)).append('&').append(SENDING_APPLICATION)
                    .append('&').append(pump.eui64()).append("&EUI-64");
        }
        return message.append('\r');
    }

    /** The MDS row, naming the pump in OBX-18. */
    static String mdsRow(PumpIdentity pump, Instant at) {
        return "|" + MDS + "|1.0.0.0|||||||X|||" + time(at) + "||||" + escape(pump.deviceName()) + "^^"
                + pump.eui64() + "^EUI-64";
    }

    /** VMD, delivery channel and the delivery metrics, containment 1.1.x (OBX-2 onwards). */
    static List<String> deliveryRows(PumpSnapshot pump, Instant at) {
        String time = time(at);
        Programme programme = pump.programme();
        List<String> rows = new ArrayList<>();
        rows.add("|" + VMD + "|1.1.0.0|||||||X");
        rows.add("|" + DELIVERY_CHANNEL + "|1.1.1.0|||||||X");
        rows.add("CWE|184508^MDC_PUMP_STAT^MDC|1.1.1.1|^" + statusToken(pump.state()) + "||||||R|||" + time);
        rows.add("CWE|184519^MDC_PUMP_INFUSING_STATUS^MDC|1.1.1.2|^" + infusingToken(pump.state()) + "||||||R|||"
                + time);
        rows.add(numeric("157784^MDC_FLOW_FLUID_PUMP^MDC", "1.1.1.3", number(programme.rateMlPerHour()),
                ML_PER_HOUR, time));
        rows.add(numeric("157924^MDC_RATE_DOSE^MDC", "1.1.1.4", number(programme.doseRate()),
                "^^^" + escape(programme.doseRateUnit()) + "^" + escape(programme.doseRateUnit()) + "^UCUM", time));
        rows.add(numeric("157884^MDC_VOL_FLUID_TBI^MDC", "1.1.1.5", number(programme.vtbiMl()), ML, time));
        rows.add(numeric("157864^MDC_VOL_FLUID_DELIV^MDC", "1.1.1.6", volume(pump.programmeDeliveredMl()), ML, time));
        rows.add(numeric("157993^MDC_VOL_FLUID_DELIV_TOTAL^MDC", "1.1.1.7", volume(pump.totalDeliveredMl()), ML,
                time));
        rows.add(numeric("157872^MDC_VOL_FLUID_TBI_REMAIN^MDC", "1.1.1.8", volume(pump.volumeRemainingMl()), ML,
                time));
        if (pump.timeRemaining() != null) {
            rows.add(numeric("157916^MDC_TIME_PD_REMAIN^MDC", "1.1.1.9",
                    number(pump.timeRemaining().getSeconds() / 60.0), "264352^MDC_DIM_MIN^MDC^min^min^UCUM", time));
        }
        rows.add("ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.1.10|" + escape(programme.drug()) + "||||||R|||" + time);
        rows.add(numeric("157760^MDC_CONC_DRUG^MDC", "1.1.1.11", number(programme.concentrationMgPerMl()),
                "264306^MDC_DIM_MILLI_G_PER_ML^MDC^mg/mL^mg/mL^UCUM", time));
        return rows;
    }

    /** Appends OBX segments numbered from 1. */
    static String withObservations(StringBuilder message, List<String> rows) {
        for (int i = 0; i < rows.size(); i++) {
            message.append("OBX|").append(i + 1).append('|').append(rows.get(i)).append('\r');
        }
        return message.toString();
    }

    /**
     * {@code MDC_PUMP_STAT} tokens: the IHE PCD list has infusing, kvo, ready, standby and paused; a stopped and a
     * completed infusion are written in the same pattern ({@code pump-status-stopped}, {@code
     * pump-status-complete}) so that a receiver can tell them from a pause.
     */
    static String statusToken(PumpState state) {
        return switch (state) {
            case IDLE -> "pump-status-ready";
            case INFUSING -> "pump-status-infusing";
            case PAUSED -> "pump-status-paused";
            case STOPPED -> "pump-status-stopped";
            case COMPLETE -> "pump-status-complete";
            case KVO -> "pump-status-kvo";
        };
    }

    /** {@code MDC_PUMP_INFUSING_STATUS} as in the IPEC sample: fluid flowing or not. */
    static String infusingToken(PumpState state) {
        return state == PumpState.INFUSING || state == PumpState.KVO
                ? "pump-status-infusing"
                : "pump-status-not-infusing";
    }

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

    private static String numeric(String identifier, String subId, String value, String unit, String time) {
        return "NM|" + identifier + "|" + subId + "|" + value + "|" + unit + "|||||R|||" + time;
    }

    static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    static String volume(double ml) {
        return String.format(Locale.ROOT, "%.2f", ml);
    }
}
