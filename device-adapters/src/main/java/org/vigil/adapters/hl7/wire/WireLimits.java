package org.vigil.adapters.hl7.wire;

import java.util.Optional;
import org.vigil.core.api.DeviceReport;

/**
 * How long an id taken from the wire may be. Ids become keys: of the duplicate check's rows, of a device's stream
 * and read model, of counters kept in memory; a sender could otherwise make each of them as long as a frame. A
 * message whose id is longer is refused ({@code AR}, HL7 error 104 "value too long") before anything is stored or
 * remembered.
 */
public final class WireLimits {

    /** MSH-3 sending application and MSH-4 sending facility, each, all components. */
    public static final int MAX_SENDER_CHARS = 120;
    /** MSH-10 message control id (HL7 v2.6 gives it 199 characters). */
    public static final int MAX_CONTROL_ID_CHARS = 199;
    /** The device id a report names (OBX-18, or MSH-3.1). */
    public static final int MAX_DEVICE_ID_CHARS = 120;
    /** A report's control id: MSH-10, with the pump's MDS after a slash for the second report of a message. */
    public static final int MAX_KEY_CONTROL_ID_CHARS = 255;

    private WireLimits() {
    }

    /** Why the header cannot be taken, if one of its ids is too long. */
    static Optional<Hl7Failure> header(Hl7Header header) {
        return tooLong("MSH-3 sending application", header.sendingApplication(), MAX_SENDER_CHARS)
                .or(() -> tooLong("MSH-4 sending facility", header.sendingFacility(), MAX_SENDER_CHARS))
                .or(() -> tooLong("MSH-10 message control id", header.controlId(), MAX_CONTROL_ID_CHARS));
    }

    /** Why the report cannot be recorded, if the device id or control id it carries is too long. */
    static Optional<Hl7Failure> report(DeviceReport report) {
        return tooLong("the device id (OBX-18 or MSH-3)", report.deviceId().value(), MAX_DEVICE_ID_CHARS)
                .or(() -> tooLong("the message key's control id", report.messageKey().controlId(),
                        MAX_KEY_CONTROL_ID_CHARS));
    }

    private static Optional<Hl7Failure> tooLong(String what, String value, int limit) {
        return value.length() <= limit ? Optional.empty()
                : Optional.of(Hl7Failure.reject(Hl7ErrorCode.VALUE_TOO_LONG,
                        what + " is " + value.length() + " characters long; at most " + limit + " are accepted"));
    }
}
