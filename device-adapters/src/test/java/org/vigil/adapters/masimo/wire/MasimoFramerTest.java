package org.vigil.adapters.masimo.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_5;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_7;
import static org.vigil.adapters.masimo.wire.GoldenLines.RADICAL_7_RAINBOW;
import static org.vigil.adapters.masimo.wire.GoldenLines.SENSOR_OFF;
import static org.vigil.adapters.masimo.wire.GoldenLines.ascii;
import static org.vigil.adapters.masimo.wire.GoldenLines.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasimoFramerTest {

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void splitsGoldenLinesFedInChunksOfAnySize(int chunkSize) {
        // given
        MasimoFramer framer = new MasimoFramer();

        // when
        List<MasimoFrameResult> results = feedInChunks(framer,
                wire(RADICAL_7, RADICAL_7_RAINBOW, RADICAL_5, SENSOR_OFF), chunkSize);

        // then
        assertThat(results).containsExactly(line(RADICAL_7), line(RADICAL_7_RAINBOW), line(RADICAL_5),
                line(SENSOR_OFF));
        assertThat(framer.lineCount()).isEqualTo(4);
        assertThat(framer.failureCount()).isZero();
    }

    @Test
    void acceptsEitherLineEndAndSkipsEmptyLines() {
        // when
        List<MasimoFrameResult> results = new MasimoFramer()
                .feed(ascii(RADICAL_7 + "\n\r" + RADICAL_5 + "\n\n\r\n" + SENSOR_OFF + "\r"));

        // then
        assertThat(results).containsExactly(line(RADICAL_7), line(RADICAL_5), line(SENSOR_OFF));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void dropsAnOverLongLineOnceAndReadsTheNext(int chunkSize) {
        // given: 10,000 bytes without a line end, as from a cable carrying something else
        char[] flood = new char[10_000];
        Arrays.fill(flood, 'A');
        MasimoFramer framer = new MasimoFramer();

        // when
        List<MasimoFrameResult> results = feedInChunks(framer, wire(new String(flood), RADICAL_7), chunkSize);

        // then
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isEqualTo(
                new MasimoFrameResult.Failure("line longer than 256 bytes", 257));
        assertThat(results.get(1)).isEqualTo(line(RADICAL_7));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void dropsALineWithNoiseInItAndReadsTheNext(int chunkSize) {
        // given: a byte of line noise in the middle of a line
        String noisy = RADICAL_7.substring(0, 40) + "\u00FF" + RADICAL_7.substring(40);
        MasimoFramer framer = new MasimoFramer();

        // when
        List<MasimoFrameResult> results = feedInChunks(framer, wire(noisy, RADICAL_5), chunkSize);

        // then
        assertThat(results).containsExactly(
                new MasimoFrameResult.Failure("non-printable byte 0xFF in a line", 41), line(RADICAL_5));
        assertThat(framer.failureCount()).isEqualTo(1);
    }

    @Test
    void forgetsAPartialLineOnReset() {
        // given
        MasimoFramer framer = new MasimoFramer();
        framer.feed(ascii(RADICAL_7.substring(0, 30)));

        // when
        framer.reset();
        List<MasimoFrameResult> results = framer.feed(wire(RADICAL_5));

        // then
        assertThat(results).containsExactly(line(RADICAL_5));
    }

    private static MasimoFrameResult line(String text) {
        return new MasimoFrameResult.Line(text);
    }

    static List<MasimoFrameResult> feedInChunks(MasimoFramer framer, byte[] stream, int chunkSize) {
        List<MasimoFrameResult> results = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunkSize) {
            results.addAll(framer.feed(stream, offset, Math.min(chunkSize, stream.length - offset)));
        }
        return results;
    }
}
