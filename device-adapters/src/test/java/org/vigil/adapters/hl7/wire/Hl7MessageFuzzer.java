package org.vigil.adapters.hl7.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzzing of one MLLP frame's journey through the HL7 decoder, the PCD mappers and the
 * acknowledgement, from the example PCD-01, PCD-04 and PCD-10 messages in {@code Hl7MessageFuzzerInputs}: any
 * frame is decoded or refused with a reason, a decoded one is mapped or refused with a reason that is not an
 * internal error, and the acknowledgement is one well-formed message whatever the sender wrote in its header.
 */
public class Hl7MessageFuzzer {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:12:00Z"), ZoneOffset.UTC);
    private static final PcdDecoder DECODER = new PcdDecoder();
    private static final PcdMapper MAPPER = new PcdMapper(CLOCK);
    private static final AckBuilder ACKS = new AckBuilder(CLOCK);

    @FuzzTest(maxDuration = "5m")
    void decodesMapsAndAcknowledgesAnyFrame(byte[] frame) {
        check(frame);
    }

    /** The property, also fuzzed together with the other decoders' by {@code WireDecodersFuzzer}. */
    public static void check(byte[] frame) {
        Hl7DecodeResult decoded = DECODER.decode(frame);
        if (decoded instanceof Hl7DecodeResult.Failed failed) {
            assertThat(failed.failure().reason()).isNotBlank();
            assertWellFormed(ACKS.reject(failed.header(), failed.failure()), 3);
            return;
        }
        Hl7DecodeResult.Decoded message = (Hl7DecodeResult.Decoded) decoded;
        Hl7MapResult mapped = MAPPER.map(message, CLOCK.instant());
        if (mapped instanceof Hl7MapResult.Failed failed) {
            assertThat(failed.failure().error()).as(failed.failure().reason())
                    .isNotEqualTo(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR);
            assertThat(failed.failure().reason()).isNotBlank();
            assertWellFormed(ACKS.reject(message.header(), failed.failure()), 3);
        } else {
            assertThat(((Hl7MapResult.Mapped) mapped).reports()).isNotEmpty();
            assertWellFormed(ACKS.accept(message.header()), 2);
        }
    }

    /** MSH, MSA and for a refusal ERR; MSH with its twelve fields, MSA with three: nothing the sender wrote adds one. */
    private static void assertWellFormed(String ack, int segments) {
        assertThat(ack).doesNotContain(String.valueOf((char) Mllp.START_BLOCK), String.valueOf((char) Mllp.END_BLOCK));
        String[] lines = ack.split("\r");
        assertThat(lines).hasSize(segments);
        assertThat(lines[0].split("\\|", -1)).hasSize(12);
        assertThat(lines[1].split("\\|", -1)).hasSize(3);
    }
}
