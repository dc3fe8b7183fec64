package org.vigil.adapters.hl7.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the MLLP framer, from the framed example messages in {@code MllpFramerFuzzerInputs}:
 * whatever bytes arrive, the framer reports the same events whether they come at once or byte by byte, never
 * returns more than its bound, and a good frame sent after them comes through whole.
 */
public class MllpFramerFuzzer {

    private static final int MAX_FRAME = 512;
    private static final byte[] GOOD = "MSH|^~\\&|GW|ICU|VIGIL||20250301101200||ORU^R01^ORU_R01|RESYNC|P|2.6\r"
            .getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "5m")
    void framesAnyStreamAndResynchronises(byte[] stream) {
        check(stream);
    }

    /** The property, also fuzzed together with the other decoders' by {@code WireDecodersFuzzer}. */
    public static void check(byte[] stream) {
        MllpFramer whole = new MllpFramer(MAX_FRAME);
        MllpFramer byteByByte = new MllpFramer(MAX_FRAME);

        List<MllpEvent> events = whole.push(stream);
        List<MllpEvent> oneAtATime = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            oneAtATime.addAll(byteByByte.push(stream, i, 1));
        }

        assertThat(merged(oneAtATime)).isEqualTo(merged(events));
        for (MllpEvent event : events) {
            if (event instanceof MllpEvent.Frame frame) {
                assertThat(frame.payload().length).isLessThanOrEqualTo(MAX_FRAME);
            } else if (event instanceof MllpEvent.Oversized oversized) {
                assertThat(oversized.head().length).isLessThanOrEqualTo(MAX_FRAME);
            }
        }
        assertThat(whole.push(Mllp.wrap(GOOD))).last().isEqualTo(new MllpEvent.Frame(GOOD));
    }

    /** Skipped runs are reported per push; adding up neighbouring ones makes the two chunkings comparable. */
    private static List<MllpEvent> merged(List<MllpEvent> events) {
        List<MllpEvent> merged = new ArrayList<>();
        for (MllpEvent event : events) {
            int last = merged.size() - 1;
            if (event instanceof MllpEvent.Skipped skipped && last >= 0
                    && merged.get(last) instanceof MllpEvent.Skipped before) {
                merged.set(last, new MllpEvent.Skipped(before.bytes() + skipped.bytes()));
            } else {
                merged.add(event);
            }
        }
        return merged;
    }
}
