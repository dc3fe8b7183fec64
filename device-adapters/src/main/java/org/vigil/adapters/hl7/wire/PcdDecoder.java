package org.vigil.adapters.hl7.wire;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one MLLP frame into a parsed IHE PCD message, or a failure value; it never throws. It takes
 * PCD-01 observations ({@code ORU^R01}), PCD-04 alarms ({@code ORU^R40}) and PCD-10 infusion pump events
 * ({@code ORU^R42}); each is read into the HL7 v2.6 {@code ORU_R01} structure, which all three use (IHE PCD
 * TF-2 PCD-04 message structure; IPEC supplement 3.10.4.1.1), whatever MSH-9.3 says: gateways write
 * {@code ORU_R40} or {@code ORU_R01} there, and HAPI has no {@code ORU_R40} class.
 *
 * <p>Device feeds do not pass HAPI's default validation, so validation is off, and monitors often leave
 * OBX-2 empty: an empty OBX-2 with a number in OBX-5 is read as {@code NM} ({@link UntypedObx}), and any
 * other empty or unknown OBX-2 as {@code ST}, HAPI's default OBX-2 type (docs/PROTOCOLS.md §1). Every message is read
 * into the HL7 v2.6 structures, the version IHE PCD profiles, whatever MSH-12 says. Segments may end in
 * {@code \r} (the standard), {@code \n} or {@code \r\n} (what serial gateways and hand-typed tests send).
 *
 * <p>Other message types are rejected (AR) with a reason. A message of an HL7 version HAPI does not know is
 * an error (AE).
 *
 * <p>Not thread-safe: the HAPI parser is used by one message at a time; make one decoder per connection
 * or per thread.
 */
public final class PcdDecoder {

    private final PipeParser parser;
    private final ModelClassFactory structures;

    public PcdDecoder() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.6"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setValidating(false);
        context.getParserConfiguration().setDefaultObx2Type("ST");
        context.getParserConfiguration().setInvalidObx2Type("ST");
        this.parser = context.getPipeParser();
        this.structures = context.getModelClassFactory();
    }

    /** Decodes a frame's bytes as UTF-8 (ASCII, the HL7 default, is a subset). */
    public Hl7DecodeResult decode(byte[] frame) {
        return decode(new String(frame, StandardCharsets.UTF_8));
    }

    public Hl7DecodeResult decode(String message) {
        String text = normaliseSegments(message);
        if (text.isEmpty()) {
            return rejected(Hl7Header.unknown(), Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR, "the message is empty");
        }
        Optional<Hl7Header> read = Hl7Header.peek(text);
        if (read.isEmpty()) {
            return rejected(Hl7Header.unknown(), Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "the message does not start with an MSH segment" + firstSegment(text));
        }
        Hl7Header header = read.get();
        Optional<Hl7DecodeResult.Failed> unusable = checkHeader(header);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        PcdTransaction transaction = PcdTransaction.ofTriggerEvent(header.triggerEvent()).orElseThrow();
        return parse(header, transaction, UntypedObx.typeNumbers(text, text.charAt(3), encodingCharacters(text)));
    }

    private static String encodingCharacters(String text) {
        int end = text.indexOf(text.charAt(3), 4);
        return end < 0 ? "^~\\&" : text.substring(4, end);
    }

    private Optional<Hl7DecodeResult.Failed> checkHeader(Hl7Header header) {
        Optional<Hl7Failure> tooLong = WireLimits.header(header);
        if (tooLong.isPresent()) {
            return Optional.of(new Hl7DecodeResult.Failed(header, tooLong.get()));
        }
        if (header.messageType().isEmpty()) {
            return Optional.of(rejected(header, Hl7ErrorCode.REQUIRED_FIELD_MISSING, "MSH-9 message type is missing"));
        }
        if (header.controlId().isEmpty()) {
            return Optional.of(rejected(header, Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "MSH-10 message control id is missing"));
        }
        if (header.sendingApplication().isEmpty() && header.sendingFacility().isEmpty()) {
            return Optional.of(rejected(header, Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "MSH-3 sending application is missing"));
        }
        if (!"ORU".equals(header.messageCode())) {
            return Optional.of(rejected(header, Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "unsupported message type " + header.messageType() + ": accepted are " + PcdTransaction.accepted()));
        }
        if (PcdTransaction.ofTriggerEvent(header.triggerEvent()).isEmpty()) {
            return Optional.of(rejected(header, Hl7ErrorCode.UNSUPPORTED_EVENT_CODE,
                    "unsupported message type " + header.messageType() + ": accepted are " + PcdTransaction.accepted()));
        }
        return Optional.empty();
    }

    private Hl7DecodeResult parse(Hl7Header header, PcdTransaction transaction, String text) {
        if (!Version.supportsVersion(header.version())) {
            return new Hl7DecodeResult.Failed(header, Hl7Failure.error(Hl7ErrorCode.DATA_TYPE_ERROR,
                    "the message could not be parsed: MSH-12 version " + Redaction.id(header.version())
                            + " is not an HL7 v2 version"));
        }
        try {
            ORU_R01 message = new ORU_R01(structures);
            parser.parse(message, text);
            return new Hl7DecodeResult.Decoded(header, transaction, message);
        } catch (HL7Exception | RuntimeException e) {
            return new Hl7DecodeResult.Failed(header, Hl7Failure.error(Hl7ErrorCode.DATA_TYPE_ERROR,
                    "the message could not be parsed: " + Redaction.reason(e.getMessage())));
        }
    }

    private static Hl7DecodeResult.Failed rejected(Hl7Header header, Hl7ErrorCode error, String reason) {
        return new Hl7DecodeResult.Failed(header, Hl7Failure.reject(error, reason));
    }

    /** One {@code \r} between segments, no blank segments, nothing before MSH but the message. */
    static String normaliseSegments(String message) {
        return Arrays.stream(message.split("[\r\n]+"))
                .filter(segment -> !segment.isBlank())
                .collect(Collectors.joining("\r"))
                .strip();
    }

    /** The first segment's id when it looks like one (never its content: it may be a PID). */
    private static String firstSegment(String text) {
        String id = text.length() >= 3 ? text.substring(0, 3) : "";
        return id.matches("[A-Z][A-Z0-9]{2}") ? " (the first segment is " + id + ")" : "";
    }
}
