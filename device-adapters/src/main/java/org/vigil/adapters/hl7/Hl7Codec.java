package org.vigil.adapters.hl7;

import org.vigil.adapters.hl7.wire.MllpEvent;
import org.vigil.adapters.hl7.wire.MllpFramer;
import org.vigil.adapters.transport.CodecOutput;
import org.vigil.adapters.transport.CodecStream;

import java.time.Instant;
import java.util.Objects;

/**
 * MLLP framing as a {@link CodecStream}, so HL7 runs over any byte transport (docs/PROTOCOLS.md: "any protocol must run
 * over any byte transport"). Only the framing happens here: parsing an HL7 message and storing it take time, so they
 * happen in the {@link Hl7Pipeline}, off the event loop, and the acknowledgement is written from there once the
 * message is stored.
 *
 * <p>Every frame the sender expects an answer for is a result, in stream order: a complete frame, and an oversized
 * one (answered AR by its control id). A complete frame is what ends a silence: a sender on an MLLP line sends
 * nothing else. Bytes outside frames, frames cut short by a new start block and oversized frames are also reported
 * as failures, so the connection's decode-failure count shows a noisy line; they are counted in the link's
 * {@link Hl7Counters} as the listener counts them. Every connection starts with an empty framer: a half frame
 * from before a reconnect can never be completed.
 */
final class Hl7Codec implements CodecStream<MllpEvent> {

    private final int maxFrameBytes;
    private final Hl7Counters counters;
    private final String name;
    private MllpFramer framer;

    Hl7Codec(int maxFrameBytes, Hl7Counters counters, String name) {
        this.maxFrameBytes = maxFrameBytes;
        this.counters = Objects.requireNonNull(counters, "counters");
        this.name = Objects.requireNonNull(name, "name");
        this.framer = new MllpFramer(maxFrameBytes);
    }

    @Override
    public CodecOutput<MllpEvent> connected(Instant now) {
        framer = new MllpFramer(maxFrameBytes);
        return CodecOutput.none();
    }

    @Override
    public CodecOutput<MllpEvent> received(byte[] chunk, Instant now) {
        CodecOutput.Builder<MllpEvent> output = new CodecOutput.Builder<>();
        for (MllpEvent event : framer.push(chunk)) {
            if (event instanceof MllpEvent.Frame) {
                output.result(event);
            } else if (event instanceof MllpEvent.Oversized oversized) {
                output.result(event);
                output.failure("MLLP frame longer than " + oversized.limit() + " bytes, dropped");
            } else if (event instanceof MllpEvent.Skipped skipped) {
                Hl7Pipeline.countFramingTrouble(event, counters, name);
                output.failure(skipped.bytes() + " bytes outside MLLP frames, skipped");
            } else if (event instanceof MllpEvent.Truncated truncated) {
                Hl7Pipeline.countFramingTrouble(event, counters, name);
                output.failure("MLLP frame of " + truncated.bytes() + " bytes cut short by a new start block, dropped");
            }
        }
        return output.build();
    }

    @Override
    public void disconnected(Instant now) {
        framer = new MllpFramer(maxFrameBytes);
    }
}
