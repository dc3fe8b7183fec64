package org.vigil.adapters.hl7.wire;

import java.util.regex.Pattern;

/**
 * Keeps a message's content out of what Vigil writes about it — logs and the ERR segment of a negative
 * acknowledgement: a reason says what was wrong and where, never the values (observations, patient identification).
 * Text a parser quotes from the message ({@code 'like this'} or {@code "like this"}) is replaced by {@code '…'};
 * what is left is shortened and freed of control characters, so it cannot forge log lines.
 */
public final class Redaction {

    /** The longest reason written to a log or an ERR segment. */
    public static final int MAX_REASON_CHARS = 300;
    /** The longest id written to a log. */
    public static final int MAX_LOGGED_ID_CHARS = 64;

    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])'[^']*'|\"[^\"]*\"");

    private Redaction() {
    }

    /** A reason, with any quoted content of the message removed. */
    public static String reason(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return printable(QUOTED.matcher(text).replaceAll("'…'"), MAX_REASON_CHARS);
    }

    /** An id from the wire (a sender, a control id) as it may appear in a log line: short and on one line. */
    public static String id(String text) {
        return text == null ? "" : printable(text, MAX_LOGGED_ID_CHARS);
    }

    private static String printable(String text, int limit) {
        String start = text.length() > limit ? text.substring(0, limit) + "…" : text;
        StringBuilder out = new StringBuilder(start.length());
        start.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
