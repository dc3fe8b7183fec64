package org.vigil.adapters.masimo.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;

/**
 * Coverage-guided fuzzing of the Masimo serial output, from the golden lines in {@code MasimoLineFuzzerInputs}:
 * any bytes give lines or counted failures, every line decodes or fails with a reason, every reading maps to
 * observations and conditions with values an oximeter can show, and a good line sent after them still comes
 * through.
 */
public class MasimoLineFuzzer {

    private static final byte[] SENTINEL = GoldenLines.wire(GoldenLines.RADICAL_7);

    @FuzzTest(maxDuration = "5m")
    void framesDecodesAndMapsAnyStream(byte[] stream) {
        check(stream);
    }

    /** The property, also fuzzed together with the other decoders' by {@code WireDecodersFuzzer}. */
    public static void check(byte[] stream) {
        MasimoFramer framer = new MasimoFramer();
        List<MasimoFrameResult> results = new ArrayList<>(framer.feed(stream));
        results.addAll(framer.feed(GoldenLines.ascii("\r\n")));
        results.addAll(framer.feed(SENTINEL));

        for (MasimoFrameResult result : results) {
            if (result instanceof MasimoFrameResult.Line line) {
                assertThat(line.text().length()).isLessThanOrEqualTo(MasimoFramer.DEFAULT_MAX_LINE);
                MasimoDecodeResult decoded = MasimoLineDecoder.decode(line.text());
                if (decoded instanceof MasimoDecodeResult.Failed failed) {
                    assertThat(failed.reason()).isNotBlank();
                } else {
                    assertMaps(((MasimoDecodeResult.Decoded) decoded).reading());
                }
            } else {
                assertThat(((MasimoFrameResult.Failure) result).reason()).isNotBlank();
            }
        }
        assertThat(results).last().isEqualTo(new MasimoFrameResult.Line(GoldenLines.RADICAL_7));
    }

    private static void assertMaps(MasimoReading reading) {
        MasimoMapper.observations(reading, DeviceId.of("fuzzed"), new MessageKey("fuzzed", "1"), Instant.EPOCH,
                ZoneOffset.UTC);
        MasimoCondition.of(reading);
        if (reading.spo2() != null) {
            assertThat(reading.spo2()).isBetween(0, 100);
        }
        if (reading.pulseRate() != null) {
            assertThat(reading.pulseRate()).isBetween(0, 300);
        }
    }
}
