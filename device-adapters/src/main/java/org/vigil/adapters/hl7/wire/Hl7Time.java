package org.vigil.adapters.hl7.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HL7 v2.6 DTM value, {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]} (HL7 v2.6 chapter 2A,
 * DTM), into an instant. Missing trailing parts are the start of the period (a day-precision value is
 * midnight).
 *
 * <p>A value without an offset is read as UTC. IHE PCD asks device observation reporters to be time
 * synchronised and to send the offset (PCD TF-1, Consistent Time grouping; PCD TF-2, DTM usage); a value
 * without one gives no way to know the sender's zone, and reading it in the zone of the machine Vigil runs
 * on would make the stored time depend on where Vigil is installed. UTC is the one reading that is the
 * same everywhere; the receive time is always stored beside it, so a gateway set to local time shows up
 * as a constant skew rather than a silent error.
 */
final class Hl7Time {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,4}))?)?)?)?)?)?([+-]\\d{4})?");

    private Hl7Time() {
    }

    /** The instant a DTM value names, or empty when the value is missing or not a valid DTM. */
    static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = DTM.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), number(m.group(2), 1), number(m.group(3), 1),
                    number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0), nanos(m.group(7)));
            return Optional.of(local.toInstant(offset(m.group(8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(String digits, int missing) {
        return digits == null ? missing : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }

    private static ZoneOffset offset(String offset) {
        if (offset == null) {
            return ZoneOffset.UTC;
        }
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(offset.substring(1, 3));
        int minutes = Integer.parseInt(offset.substring(3, 5));
        if (minutes > 59) {
            throw new DateTimeException("offset minutes out of range: " + offset);
        }
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
