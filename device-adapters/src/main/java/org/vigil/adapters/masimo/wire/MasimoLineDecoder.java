package org.vigil.adapters.masimo.wire;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes one line of the oximeter's ASCII 1 output into a {@link MasimoReading} (docs/PROTOCOLS.md §4). Pure.
 *
 * <p>The line has no checksum, so the decoder is strict about what it accepts: the date and time
 * ({@code MM/dd/yy HH:mm:ss}), then {@code NAME=value} fields separated by spaces, in which {@code SPO2},
 * {@code BPM}, {@code ALARM} and {@code EXC} must appear (the last two end every line, so a line cut short is
 * rejected), each known field at most once and in its own form ({@code SPO2=097%}, {@code BPM=084},
 * {@code PI=02.10%}, {@code SPCO=01.0%}, hexadecimal bit fields), and values within what an oximeter can show.
 * A value of dashes ({@code ---%}, {@code --.-%}, {@code +--}) is "no value". Fields Vigil does not read
 * ({@code DESAT}, {@code PIDELTA}, {@code PVI}, and those of later models) are skipped. Bytes before the date
 * (the tail of a line cut by noise, glued to the next one) are skipped and counted in the reading.
 */
public final class MasimoLineDecoder {

    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{2})/(\\d{2})/(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");
    private static final Pattern FIELD = Pattern.compile("([A-Z][A-Z0-9]*)=(\\S*)");
    private static final Pattern NO_VALUE = Pattern.compile("[+-]?-{1,3}(\\.-{1,2})?%?");
    private static final Pattern INTEGER_PERCENT = Pattern.compile("(\\d{1,3})%?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,3}");
    private static final Pattern DECIMAL_PERCENT = Pattern.compile("(\\d{1,2}\\.\\d{1,2})%?");
    private static final Pattern BITS = Pattern.compile("[0-9A-Fa-f]{1,8}");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private static final int MAX_SPO2 = 100;
    private static final int MAX_PULSE_RATE = 300;
    private static final double MAX_PI = 100.0;
    private static final double MAX_HAEMOGLOBIN_PERCENT = 100.0;

    private MasimoLineDecoder() {
    }

    public static MasimoDecodeResult decode(String line) {
        Matcher dateTime = DATE_TIME.matcher(line);
        if (!dateTime.find()) {
            return failed("no date and time (MM/dd/yy HH:mm:ss) in the line");
        }
        LocalDateTime deviceTime;
        try {
            deviceTime = LocalDateTime.of(2000 + number(dateTime, 3), number(dateTime, 1), number(dateTime, 2),
                    number(dateTime, 4), number(dateTime, 5), number(dateTime, 6));
        } catch (DateTimeException impossible) {
            return failed("impossible date or time " + dateTime.group());
        }
        Map<String, String> fields = new HashMap<>();
        String rest = line.substring(dateTime.end()).strip();
        for (String token : rest.isEmpty() ? new String[0] : rest.split(" +")) {
            Matcher field = FIELD.matcher(token);
            if (!field.matches()) {
                return failed("'" + token + "' is not a NAME=value field");
            }
            if (fields.put(field.group(1), field.group(2)) != null) {
                return failed("field " + field.group(1) + " appears twice");
            }
        }
        for (String required : new String[] {"SPO2", "BPM", "ALARM", "EXC"}) {
            if (!fields.containsKey(required)) {
                return failed("no " + required + " field: the line is cut short or not ASCII 1 output");
            }
        }
        try {
            return new MasimoDecodeResult.Decoded(new MasimoReading(deviceTime, serial(fields.get("SN")),
                    integer(fields, "SPO2", INTEGER_PERCENT, MAX_SPO2),
                    integer(fields, "BPM", INTEGER, MAX_PULSE_RATE),
                    decimal(fields, "PI", MAX_PI),
                    fields.containsKey("SPCO"), decimal(fields, "SPCO", MAX_HAEMOGLOBIN_PERCENT),
                    fields.containsKey("SPMET"), decimal(fields, "SPMET", MAX_HAEMOGLOBIN_PERCENT),
                    bits(fields, "ALARM"), bits(fields, "EXC"), dateTime.start()));
        } catch (IllegalArgumentException bad) {
            return failed(bad.getMessage());
        }
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    private static String serial(String value) {
        if (value == null || NO_VALUE.matcher(value).matches()) {
            return null;
        }
        if (!SERIAL.matcher(value).matches()) {
            throw new IllegalArgumentException("SN=" + value + " is not a serial number");
        }
        return value;
    }

    private static Integer integer(Map<String, String> fields, String name, Pattern form, int max) {
        String value = fields.get(name);
        if (NO_VALUE.matcher(value).matches()) {
            return null;
        }
        Matcher number = form.matcher(value);
        if (!number.matches()) {
            throw new IllegalArgumentException(name + "=" + value + " is neither a number nor dashes");
        }
        int parsed = Integer.parseInt(number.groupCount() > 0 ? number.group(1) : number.group());
        if (parsed > max) {
            throw new IllegalArgumentException(name + "=" + value + " is above " + max);
        }
        return parsed;
    }

    private static Double decimal(Map<String, String> fields, String name, double max) {
        String value = fields.get(name);
        if (value == null || NO_VALUE.matcher(value).matches()) {
            return null;
        }
        Matcher number = DECIMAL_PERCENT.matcher(value);
        if (!number.matches()) {
            throw new IllegalArgumentException(name + "=" + value + " is neither a decimal nor dashes");
        }
        double parsed = Double.parseDouble(number.group(1));
        if (parsed > max) {
            throw new IllegalArgumentException(name + "=" + value + " is above " + max);
        }
        return parsed;
    }

    private static int bits(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (!BITS.matcher(value).matches()) {
            throw new IllegalArgumentException(name + "=" + value + " is not a hexadecimal bit field");
        }
        return (int) Long.parseLong(value, 16);
    }

    private static MasimoDecodeResult failed(String reason) {
        return new MasimoDecodeResult.Failed(reason);
    }
}
