package org.vigil.adapters.pump.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;

/**
 * Coverage-guided fuzzing of the pump's serial protocol, from the golden reply frames in
 * {@code PumpReplyFuzzerInputs}: any bytes give frames or counted failures, every frame's body decodes or fails
 * with a reason, every status reply maps to a pump report, and a good frame sent after them still comes through.
 */
public class PumpReplyFuzzer {

    private static final byte[] SENTINEL = GoldenFrames.ascii(GoldenFrames.STATUS);

    @FuzzTest(maxDuration = "5m")
    void framesDecodesAndMapsAnyStream(byte[] stream) {
        check(stream);
    }

    /** The property, also fuzzed together with the other decoders' by {@code WireDecodersFuzzer}. */
    public static void check(byte[] stream) {
        PumpFramer framer = new PumpFramer();
        List<PumpFrameResult> results = new ArrayList<>(framer.feed(stream));
        results.addAll(framer.feed(SENTINEL));

        PumpReply.Programme programme = null;
        for (PumpFrameResult result : results) {
            if (result instanceof PumpFrameResult.Frame frame) {
                assertThat(frame.body().length()).isLessThanOrEqualTo(PumpFramer.DEFAULT_MAX_FRAME);
                PumpDecodeResult decoded = PumpReplyDecoder.decode(frame.body());
                if (decoded instanceof PumpDecodeResult.Failed failed) {
                    assertThat(failed.reason()).isNotBlank();
                } else if (((PumpDecodeResult.Decoded) decoded).reply() instanceof PumpReply.Programme read) {
                    programme = read;
                } else if (((PumpDecodeResult.Decoded) decoded).reply() instanceof PumpReply.Status status) {
                    PumpReplyMapper.map(status, programme, DeviceId.of("fuzzed"), new MessageKey("fuzzed", "1"),
                            Instant.EPOCH, ZoneOffset.UTC);
                }
            } else {
                assertThat(((PumpFrameResult.Failure) result).reason()).isNotBlank();
            }
        }
        assertThat(results).last().isEqualTo(new PumpFrameResult.Frame(GoldenFrames.STATUS_BODY));
    }
}
