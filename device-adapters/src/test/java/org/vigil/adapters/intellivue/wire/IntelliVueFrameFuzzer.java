package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.DeviceId;

/**
 * Coverage-guided fuzzing of the IntelliVue MIB framer, the message decoder and the numerics mapper, from framed
 * captures and hand-made messages in {@code IntelliVueFrameFuzzerInputs}: any bytes give frames or counted
 * failures, every frame decodes or fails with a reason, every poll result maps, and a good frame sent after them
 * still comes through and decodes.
 */
public class IntelliVueFrameFuzzer {

    private static final int MAX_PAYLOAD = 2048;
    private static final byte[] SENTINEL = TestBytes.capture(4);
    private static final NumericsMapper MAPPER = new NumericsMapper(new DeviceId("fuzzed"), ZoneOffset.UTC, true);

    @FuzzTest(maxDuration = "5m")
    void framesDecodesAndMapsAnyStream(byte[] stream) {
        check(stream);
    }

    /** The property, also fuzzed together with the other decoders' by {@code WireDecodersFuzzer}. */
    public static void check(byte[] stream) {
        MibFramer framer = new MibFramer(MAX_PAYLOAD);
        List<MibFrameResult> results = new ArrayList<>(framer.feed(stream));
        results.addAll(framer.feed(MibFrameEncoder.encode(SENTINEL)));

        for (MibFrameResult result : results) {
            if (result instanceof MibFrameResult.Frame frame) {
                assertThat(frame.payload().length).isLessThanOrEqualTo(MAX_PAYLOAD);
                DecodeResult decoded = MonitorMessageDecoder.decode(frame.payload());
                if (decoded instanceof DecodeResult.Failed failed) {
                    assertThat(failed.reason()).isNotBlank();
                } else if (((DecodeResult.Decoded) decoded).message() instanceof MonitorMessage.PollResult poll) {
                    MAPPER.map(poll, Instant.EPOCH, Instant.EPOCH, "fuzzed");
                }
            }
        }
        MibFrameResult last = results.get(results.size() - 1);
        assertThat(last).isInstanceOf(MibFrameResult.Frame.class);
        assertThat(((MibFrameResult.Frame) last).payload()).containsExactly(SENTINEL);
    }
}
