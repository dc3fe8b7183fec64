package org.vigil.adapters.pump.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.vigil.adapters.pump.wire.GoldenFrames.ACK;
import static org.vigil.adapters.pump.wire.GoldenFrames.ACK_BODY;
import static org.vigil.adapters.pump.wire.GoldenFrames.OCCLUSION;
import static org.vigil.adapters.pump.wire.GoldenFrames.OCCLUSION_BODY;
import static org.vigil.adapters.pump.wire.GoldenFrames.PROGRAMME;
import static org.vigil.adapters.pump.wire.GoldenFrames.PROGRAMME_BODY;
import static org.vigil.adapters.pump.wire.GoldenFrames.STATUS;
import static org.vigil.adapters.pump.wire.GoldenFrames.STATUS_BODY;
import static org.vigil.adapters.pump.wire.GoldenFrames.ascii;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PumpFramerTest {

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void decodesGoldenFramesFedInChunksOfAnySize(int chunkSize) {
        // given
        byte[] stream = ascii(STATUS, PROGRAMME, OCCLUSION, ACK);
        PumpFramer framer = new PumpFramer();

        // when
        List<PumpFrameResult> results = feedInChunks(framer, stream, chunkSize);

        // then
        assertThat(results).containsExactly(frame(STATUS_BODY), frame(PROGRAMME_BODY), frame(OCCLUSION_BODY),
                frame(ACK_BODY));
        assertThat(framer.frameCount()).isEqualTo(4);
        assertThat(framer.failureCount()).isZero();
    }

    @Test
    void decodesSeveralFramesFromOneChunkAndToleratesLineFeedsBetweenThem() {
        // when
        List<PumpFrameResult> results = new PumpFramer().feed(ascii(STATUS, "\n", ACK, "\r\n", STATUS));

        // then
        assertThat(results).containsExactly(frame(STATUS_BODY), frame(ACK_BODY), frame(STATUS_BODY));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void countsAndSkipsABadCrcAndDecodesTheNextFrame(int chunkSize) {
        // given: one digit of the status CRC changed
        PumpFramer framer = new PumpFramer();
        byte[] stream = ascii(STATUS.replace("|ED9A", "|ED9B"), PROGRAMME);

        // when
        List<PumpFrameResult> results = feedInChunks(framer, stream, chunkSize);

        // then
        assertThat(results).hasSize(2);
        assertThat(failureReason(results.get(0))).isEqualTo("bad CRC ED9B, computed ED9A");
        assertThat(results.get(1)).isEqualTo(frame(PROGRAMME_BODY));
        assertThat(framer.failureCount()).isEqualTo(1);
    }

    @Test
    void countsACorruptedBodyAsABadCrc() {
        // when: one character of the body changed on the line
        List<PumpFrameResult> results = new PumpFramer().feed(ascii(STATUS.replace("52.5", "57.5"), ACK));

        // then
        assertThat(failureReason(results.get(0))).startsWith("bad CRC ED9A");
        assertThat(results.get(1)).isEqualTo(frame(ACK_BODY));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void countsGarbageBeforeAFrameOnceAndDecodesTheFrame(int chunkSize) {
        // given
        PumpFramer framer = new PumpFramer();
        byte[] stream = ascii("\u0000\u00ffnoise~~", STATUS);

        // when
        List<PumpFrameResult> results = feedInChunks(framer, stream, chunkSize);

        // then
        assertThat(results).hasSize(2);
        assertThat(failureReason(results.get(0))).isEqualTo("9 bytes of garbage before a frame start");
        assertThat(results.get(1)).isEqualTo(frame(STATUS_BODY));
        assertThat(framer.garbageByteCount()).isEqualTo(9);
    }

    @Test
    void dropsAnOversizeFrameWithoutGrowingAndResynchronisesOnTheNextStart() {
        // given
        PumpFramer framer = new PumpFramer(64);
        String oversize = "!INF^" + "X".repeat(500) + "|0000\r";

        // when
        List<PumpFrameResult> results = framer.feed(ascii(oversize, ACK));

        // then
        assertThat(results).hasSize(2);
        assertThat(failureReason(results.get(0))).isEqualTo("frame longer than 64 bytes");
        assertThat(results.get(1)).isEqualTo(frame(ACK_BODY));
        assertThat(framer.failureCount()).isEqualTo(1);
    }

    @Test
    void dropsAFrameCutShortByANewFrameStart() {
        // when: the pump was reset in the middle of a reply
        List<PumpFrameResult> results = new PumpFramer().feed(ascii("!INF^ALR81", ACK));

        // then
        assertThat(failureReason(results.get(0))).startsWith("frame cut short by a new frame start");
        assertThat(results.get(1)).isEqualTo(frame(ACK_BODY));
    }

    @Test
    void dropsAFrameWithANonPrintableByte() {
        // when
        List<PumpFrameResult> results = new PumpFramer().feed(ascii("!INF^\u0007^NONE|1234\r", ACK));

        // then
        assertThat(failureReason(results.get(0))).isEqualTo("non-printable byte 0x07 inside a frame");
        assertThat(results.get(1)).isEqualTo(frame(ACK_BODY));
    }

    @Test
    void dropsAFrameWithoutACrc() {
        // when
        List<PumpFrameResult> results = new PumpFramer().feed(ascii("!INF\r", "!INF|12g4\r", ACK));

        // then
        assertThat(failureReason(results.get(0))).isEqualTo("no '|' and four CRC digits before the carriage return");
        assertThat(failureReason(results.get(1))).isEqualTo("CRC '12g4' is not four uppercase hex digits");
        assertThat(results.get(2)).isEqualTo(frame(ACK_BODY));
    }

    @Test
    void framesABodyExactlyAsTheGoldenFrame() {
        // then
        assertThat(PumpFrames.frame(STATUS_BODY)).isEqualTo(ascii(STATUS));
        assertThat(PumpFrames.frame(PROGRAMME_BODY)).isEqualTo(ascii(PROGRAMME));
    }

    @Test
    void refusesToFrameABodyWithAFrameDelimiter() {
        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> PumpFrames.frame("INF^a|b"))
                .withMessageContaining("cannot carry '|'");
    }

    private static List<PumpFrameResult> feedInChunks(PumpFramer framer, byte[] stream, int chunkSize) {
        List<PumpFrameResult> results = new ArrayList<>();
        for (int i = 0; i < stream.length; i += chunkSize) {
            results.addAll(framer.feed(stream, i, Math.min(chunkSize, stream.length - i)));
        }
        return results;
    }

    private static PumpFrameResult frame(String body) {
        return new PumpFrameResult.Frame(body);
    }

    private static String failureReason(PumpFrameResult result) {
        assertThat(result).isInstanceOf(PumpFrameResult.Failure.class);
        return ((PumpFrameResult.Failure) result).reason();
    }
}
