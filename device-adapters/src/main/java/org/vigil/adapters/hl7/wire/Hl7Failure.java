package org.vigil.adapters.hl7.wire;

import java.util.Objects;

/**
 * Why a message was not accepted, in the terms its negative acknowledgement needs.
 *
 * @param ack    {@link AckCode#AE} or {@link AckCode#AR}
 * @param error  the HL7 error code for ERR-3
 * @param reason a sentence for a person reading the gateway's log (ERR-8)
 */
public record Hl7Failure(AckCode ack, Hl7ErrorCode error, String reason) {
    public Hl7Failure {
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(reason, "reason");
        if (ack == AckCode.AA) {
            throw new IllegalArgumentException("a failure is acknowledged with AE or AR, not AA");
        }
    }

    /** The content is wrong or could not be stored: AE. */
    public static Hl7Failure error(Hl7ErrorCode error, String reason) {
        return new Hl7Failure(AckCode.AE, error, reason);
    }

    /** The message is not one Vigil takes: AR. */
    public static Hl7Failure reject(Hl7ErrorCode error, String reason) {
        return new Hl7Failure(AckCode.AR, error, reason);
    }
}
