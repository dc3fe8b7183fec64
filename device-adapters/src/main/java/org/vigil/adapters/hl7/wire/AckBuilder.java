package org.vigil.adapters.hl7.wire;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the HL7 v2.6 acknowledgement a gateway waits for ({@code ACK^R01^ACK}; HL7 v2.6 chapter 2, original
 * acknowledgement; IHE PCD TF-2, PCD-01 expected actions): MSH with MSH-5/6 set to the message's MSH-3/4,
 * MSA with the code and the message's MSH-10, and for AE/AR an ERR segment whose ERR-3 is the HL7 error
 * code, ERR-4 the severity {@code E} and ERR-8 the reason in words, never the message's content
 * ({@link Redaction}). What it echoes from the message (MSH-3/4 into MSH-5/6, MSH-10 into MSA-2, MSH-11) is escaped
 * with HAPI's HL7 escaping and cut to the lengths of {@link WireLimits}, so a sender cannot add fields or segments to
 * the answer.
 *
 * <p>A message that could not be read at all still gets an answer: the fields that are unknown stay empty,
 * so the sender learns its frame arrived and was rejected rather than waiting for a timeout.
 */
public final class AckBuilder {

    /** MSH-3 of every acknowledgement unless the application names itself otherwise. */
    public static final String DEFAULT_APPLICATION = "VIGIL";

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_PROCESSING_ID_CHARS = 20;
    private static final Escaping ESCAPING = new DefaultEscaping();
    private static final EncodingCharacters ENCODING = EncodingCharacters.defaultInstance();

    private final Clock clock;
    private final String application;
    private final String facility;
    private final AtomicLong sequence = new AtomicLong();

    public AckBuilder(Clock clock) {
        this(clock, DEFAULT_APPLICATION, "");
    }

    /**
     * @param application MSH-3 of the acknowledgements (the receiving application's name)
     * @param facility    MSH-4 of the acknowledgements, may be empty
     */
    public AckBuilder(Clock clock, String application, String facility) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.application = escape(Objects.requireNonNull(application, "application"));
        this.facility = escape(Objects.requireNonNull(facility, "facility"));
    }

    /** AA: the message's events are stored. */
    public String accept(Hl7Header message) {
        return header(message) + "MSA|AA|" + echoedControlId(message) + "\r";
    }

    /** AE or AR with an ERR segment, as the failure says. */
    public String reject(Hl7Header message, Hl7Failure failure) {
        return header(message)
                + "MSA|" + failure.ack() + "|" + echoedControlId(message) + "\r"
                + "ERR|||" + failure.error().code() + "^" + failure.error().text() + "^HL70357|E||||"
                + escape(Redaction.reason(failure.reason())) + "\r";
    }

    private String header(Hl7Header message) {
        String processingId = message.processingId().isEmpty() ? "P"
                : components(cut(message.processingId(), MAX_PROCESSING_ID_CHARS));
        String trigger = message.triggerEvent().matches("[A-Z0-9]{3}") ? message.triggerEvent() : "R01";
        return "MSH|^~\\&|" + application + "|" + facility + "|"
                + components(cut(message.sendingApplication(), WireLimits.MAX_SENDER_CHARS)) + "|"
                + components(cut(message.sendingFacility(), WireLimits.MAX_SENDER_CHARS)) + "|"
                + DTM.format(clock.instant()) + "||ACK^" + trigger + "^ACK|"
                + controlId() + "|" + processingId + "|2.6\r";
    }

    private String controlId() {
        return Long.toString(clock.millis(), 36).toUpperCase() + "-" + sequence.incrementAndGet();
    }

    private static String echoedControlId(Hl7Header message) {
        return escape(cut(message.controlId(), WireLimits.MAX_CONTROL_ID_CHARS));
    }

    private static String cut(String value, int limit) {
        return value.length() > limit ? value.substring(0, limit) : value;
    }

    /** A field of components ({@code ^}-separated, as {@link Hl7Header} keeps them), each component escaped. */
    private static String components(String field) {
        String[] parts = field.split("\\^", -1);
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : "^").append(escape(parts[i]));
        }
        return out.toString();
    }

    /**
     * Escapes text for a field written with the standard encoding characters (HL7 v2.6 chapter 2, escape sequences),
     * with HAPI's escaping; a line break, which no field may hold, becomes a space, and any other control character
     * (an MLLP block character among them) its hexadecimal escape {@code \Xhh\}.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                escaped.append(ESCAPING.escape(text.substring(run, i), ENCODING));
                escaped.append(c == '\r' || c == '\n' ? " " : String.format("\\X%02X\\", (int) c));
                run = i + 1;
            }
        }
        return escaped.append(ESCAPING.escape(text.substring(run), ENCODING)).toString();
    }
}
