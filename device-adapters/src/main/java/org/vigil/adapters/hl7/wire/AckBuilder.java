package org.vigil.adapters.hl7.wire;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the HL7 v2.6 acknowledgement a gateway waits for ({@code ACK^R01^ACK}; HL7 v2.6 chapter 2, original
 * acknowledgement; IHE PCD TF-2, PCD-01 expected actions): MSH with MSH-5/6 set to the message's MSH-3/4,
 * MSA with the code and the message's MSH-10, and for AE/AR an ERR segment whose ERR-3 is the HL7 error
 * code, ERR-4 the severity {@code E} and ERR-8 the reason in words.
 *
 * <p>A message that could not be read at all still gets an answer: the fields that are unknown stay empty,
 * so the sender learns its frame arrived and was rejected rather than waiting for a timeout.
 */
public final class AckBuilder {

    /** MSH-3 of every acknowledgement unless the application names itself otherwise. */
    public static final String DEFAULT_APPLICATION = "VIGIL";

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_REASON_CHARS = 500;

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
        return header(message) + "MSA|AA|" + echo(message.controlId()) + "\r";
    }

    /** AE or AR with an ERR segment, as the failure says. */
    public String reject(Hl7Header message, Hl7Failure failure) {
        return header(message)
                + "MSA|" + failure.ack() + "|" + echo(message.controlId()) + "\r"
                + "ERR|||" + failure.error().code() + "^" + failure.error().text() + "^HL70357|E||||"
                + escape(shorten(failure.reason())) + "\r";
    }

    private String header(Hl7Header message) {
        String processingId = message.processingId().isEmpty() ? "P" : echo(message.processingId());
        String trigger = message.triggerEvent().matches("[A-Z0-9]{3}") ? message.triggerEvent() : "R01";
        return "MSH|^~\\&|" + application + "|" + facility + "|" + echo(message.sendingApplication()) + "|"
                + echo(message.sendingFacility()) + "|" + DTM.format(clock.instant()) + "||ACK^" + trigger + "^ACK|"
                + controlId() + "|" + processingId + "|2.6\r";
    }

    private String controlId() {
        return Long.toString(clock.millis(), 36).toUpperCase() + "-" + sequence.incrementAndGet();
    }

    private static String shorten(String reason) {
        return reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason;
    }

    /**
     * A field of the message's header, already in the standard encoding characters ({@link Hl7Header}), written back
     * so that it stays one field: a sender whose field separator is not {@code |} may have {@code |} in it, which
     * becomes {@code \F\}; a control character becomes its hex escape {@code \Xhh\}, so no MLLP block character
     * or segment end reaches the acknowledgement (HL7 v2.6 chapter 2, escape sequences).
     */
    static String echo(String field) {
        StringBuilder echoed = new StringBuilder(field.length());
        for (char c : field.toCharArray()) {
            if (c == '|') {
                echoed.append("\\F\\");
            } else if (Character.isISOControl(c)) {
                echoed.append(String.format("\\X%02X\\", (int) c));
            } else {
                echoed.append(c);
            }
        }
        return echoed.toString();
    }

    /** Escapes text for a field written with the standard encoding characters (HL7 v2.6 chapter 2, escape sequences). */
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
