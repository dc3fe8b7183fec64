package org.vigil.adapters.pump.wire;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the body of a reply frame into a {@link PumpReply} by the field layout of {@code package-info}. Pure and
 * total: anything that does not fit the layout is a {@link PumpDecodeResult.Failed} with the reason.
 */
public final class PumpReplyDecoder {

    static final String NOT_AVAILABLE = "--";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}(\\.\\d{1,4})?");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern ALARMS = Pattern.compile("[A-Z][A-Z0-9_]*(\\+[A-Z][A-Z0-9_]*)*");
    private static final Pattern PRESSURE = Pattern.compile("\\d{1,4}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,3}):([0-5]\\d):([0-5]\\d)");
    private static final Pattern COMMAND = Pattern.compile("[A-Z][A-Z_]{0,31}");
    private static final DateTimeFormatter DEVICE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private PumpReplyDecoder() {
    }

    public static PumpDecodeResult decode(String body) {
        String[] fields = body.split("\\^", -1);
        try {
            PumpReply reply = switch (fields[0]) {
                case "INF" -> status(fields);
                case "INF_PROG" -> programme(fields);
                case "ACK" -> accepted(fields);
                case "NAK" -> refused(fields);
                default -> throw new Unparseable("unknown reply '" + fields[0] + "'");
            };
            return new PumpDecodeResult.Decoded(reply);
        } catch (Unparseable e) {
            return new PumpDecodeResult.Failed(e.getMessage() + " in " + body);
        }
    }

    private static PumpReply.Status status(String[] f) {
        fieldCount(f, 8, 10, "status reply");
        String serial = match(SERIAL, f[1], "serial number");
        List<String> alarms = f[2].equals("NONE") ? List.of() : List.of(match(ALARMS, f[2], "alarm state").split("\\+"));
        return new PumpReply.Status(serial, alarms, mode(f[3]), number(f[4], "rate"), number(f[5], "volume infused"),
                pressure(f[6]), timeRemaining(f[7]), f.length > 8 ? optionalNumber(f[8], "volume remaining") : null,
                f.length > 9 ? deviceTime(f[9]) : null);
    }

    private static PumpReply.Programme programme(String[] f) {
        fieldCount(f, 7, 7, "programme reply");
        String drug = f[1].trim();
        if (drug.isEmpty()) {
            throw new Unparseable("empty drug name");
        }
        Double doseRate = optionalNumber(f[5], "dose rate");
        String unit = f[6].trim();
        if (doseRate != null && (unit.isEmpty() || unit.equals(NOT_AVAILABLE))) {
            throw new Unparseable("dose rate without a unit");
        }
        return new PumpReply.Programme(drug, number(f[2], "concentration"), number(f[3], "rate"),
                number(f[4], "volume to be infused"), doseRate, doseRate == null ? null : unit);
    }

    private static PumpReply.Accepted accepted(String[] f) {
        fieldCount(f, 2, 2, "acknowledgement");
        return new PumpReply.Accepted(match(COMMAND, f[1], "command"));
    }

    private static PumpReply.Refused refused(String[] f) {
        fieldCount(f, 3, 3, "refusal");
        return new PumpReply.Refused(match(COMMAND, f[1], "command"), f[2]);
    }

    private static void fieldCount(String[] fields, int min, int max, String what) {
        if (fields.length < min || fields.length > max) {
            throw new Unparseable(what + " with " + fields.length + " fields, expected "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
    }

    private static PumpMode mode(String text) {
        try {
            return PumpMode.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new Unparseable("unknown mode '" + text + "'");
        }
    }

    private static double number(String text, String what) {
        return Double.parseDouble(match(NUMBER, text, what));
    }

    private static Double optionalNumber(String text, String what) {
        return text.equals(NOT_AVAILABLE) ? null : number(text, what);
    }

    private static Integer pressure(String text) {
        return text.equals(NOT_AVAILABLE) ? null : Integer.valueOf(match(PRESSURE, text, "line pressure"));
    }

    private static Duration timeRemaining(String text) {
        if (text.equals(NOT_AVAILABLE)) {
            return null;
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new Unparseable("time remaining '" + text + "' is not h:mm:ss");
        }
        return Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                .plusSeconds(Long.parseLong(m.group(3)));
    }

    private static LocalDateTime deviceTime(String text) {
        try {
            return LocalDateTime.parse(text, DEVICE_TIME);
        } catch (DateTimeParseException e) {
            throw new Unparseable("device time '" + text + "' is not yyyyMMddHHmmss");
        }
    }

    private static String match(Pattern pattern, String text, String what) {
        if (!pattern.matcher(text).matches()) {
            throw new Unparseable(what + " '" + text + "' does not parse");
        }
        return text;
    }

    /** Control flow inside the decoder only; never leaves it. */
    private static final class Unparseable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unparseable(String message) {
            super(message, null, false, false);
        }
    }
}
