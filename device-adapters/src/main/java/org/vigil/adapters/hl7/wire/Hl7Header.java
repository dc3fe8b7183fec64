package org.vigil.adapters.hl7.wire;

import java.util.Objects;
import java.util.Optional;
import org.vigil.core.api.DeviceId;

/**
 * The message header (MSH) fields an acknowledgement and a de-duplication key need, as the sender wrote
 * them, re-expressed with the standard encoding characters {@code ^~\&}. Read straight from the text, so
 * it is known even for a message HAPI cannot parse: the negative acknowledgement can still echo MSH-10.
 *
 * @param sendingApplication  MSH-3, all components (for example {@code GATEWAY^0123456789ABCDEF^EUI-64})
 * @param sendingFacility     MSH-4, all components
 * @param receivingApplication MSH-5
 * @param receivingFacility   MSH-6
 * @param dateTimeOfMessage   MSH-7, HL7 DTM text
 * @param messageType         MSH-9, for example {@code ORU^R01^ORU_R01}
 * @param controlId           MSH-10
 * @param processingId        MSH-11 ({@code P}, {@code T} or {@code D})
 * @param version             MSH-12
 */
public record Hl7Header(String sendingApplication, String sendingFacility, String receivingApplication,
                        String receivingFacility, String dateTimeOfMessage, String messageType, String controlId,
                        String processingId, String version) {

    private static final Hl7Header UNKNOWN = new Hl7Header("", "", "", "", "", "", "", "", "");

    public Hl7Header {
        Objects.requireNonNull(sendingApplication, "MSH-3");
        Objects.requireNonNull(sendingFacility, "MSH-4");
        Objects.requireNonNull(receivingApplication, "MSH-5");
        Objects.requireNonNull(receivingFacility, "MSH-6");
        Objects.requireNonNull(dateTimeOfMessage, "MSH-7");
        Objects.requireNonNull(messageType, "MSH-9");
        Objects.requireNonNull(controlId, "MSH-10");
        Objects.requireNonNull(processingId, "MSH-11");
        Objects.requireNonNull(version, "MSH-12");
    }

    /** The header of a message whose MSH could not be read: every field empty. */
    public static Hl7Header unknown() {
        return UNKNOWN;
    }

    /** Reads the MSH segment at the start of {@code message}, if there is a readable one. */
    public static Optional<Hl7Header> peek(String message) {
        return MshReader.read(message);
    }

    /** MSH-9.1, for example {@code ORU}. */
    public String messageCode() {
        return component(messageType, 0);
    }

    /** MSH-9.2, for example {@code R01}. */
    public String triggerEvent() {
        return component(messageType, 1);
    }

    /**
     * Who sent the message, for the de-duplication key: MSH-3 as sent, followed by {@code |} and MSH-4 when
     * MSH-4 is present (for example {@code GATEWAY^0123456789ABCDEF^EUI-64|ICU}). A control id is unique
     * only per sender (HL7 v2.6 chapter 2, MSH-10), and a gateway names itself in MSH-3 and MSH-4 together.
     */
    public String sender() {
        return sendingFacility.isEmpty() ? sendingApplication : sendingApplication + "|" + sendingFacility;
    }

    /**
     * The device the header names: the first component of MSH-3 that is not blank, else {@link #sender()}; empty
     * for a header that names nobody. A gateway names itself here and each device in OBX-18 ({@code DeviceIds}).
     */
    public Optional<DeviceId> namedDevice() {
        for (String component : sendingApplication.split("\\^")) {
            if (!component.isBlank()) {
                return Optional.of(new DeviceId(component.strip()));
            }
        }
        return sender().isBlank() ? Optional.empty() : Optional.of(new DeviceId(sender()));
    }

    private static String component(String field, int index) {
        String[] components = field.split("\\^", -1);
        return index < components.length ? components[index] : "";
    }
}
