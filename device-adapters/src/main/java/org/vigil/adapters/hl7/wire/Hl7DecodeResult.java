package org.vigil.adapters.hl7.wire;

import ca.uhn.hl7v2.model.v26.message.ORU_R01;

import java.util.Objects;

/**
 * What {@link PcdDecoder} made of one frame: a parsed PCD message, or a failure with the reason
 * and the acknowledgement code to answer with. The header is known for both whenever the MSH was readable.
 */
public sealed interface Hl7DecodeResult {

    Hl7Header header();

    /** A message Vigil takes, parsed by HAPI into the HL7 v2.6 ORU_R01 structure, and which transaction it is. */
    record Decoded(Hl7Header header, PcdTransaction transaction, ORU_R01 message) implements Hl7DecodeResult {
        public Decoded {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A frame that is not a message Vigil takes; {@code header} is {@link Hl7Header#unknown()} if unreadable. */
    record Failed(Hl7Header header, Hl7Failure failure) implements Hl7DecodeResult {
        public Failed {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
