package org.vigil.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MllpFrameDecoderTest {

    private static final String ACK_1 = "MSH|^~\\&|VIGIL|VIGIL|VIGIL_SIM||20240301093015+0000||ACK^R01^ACK|A1|P|2.6\r"
            + "MSA|AA|sim-monitor-01-x-1\r";
    private static final String ACK_2 = "MSH|^~\\&|VIGIL|VIGIL|VIGIL_SIM||20240301093016+0000||ACK^R01^ACK|A2|P|2.6\r"
            + "MSA|AE|sim-monitor-01-x-2\rERR||OBX^1|207^Application internal error^HL70357|E||||Zürich down\r";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
    void decodesSeveralFramesWhateverTheChunking(int chunkSize) {
        // given
        byte[] stream = concat(MllpFrames.frame(ACK_1), MllpFrames.frame(ACK_2), MllpFrames.frame(ACK_1));
        MllpFrameDecoder decoder = new MllpFrameDecoder(1024);

        // when
        List<MllpFrameDecoder.Result> results = feedInChunks(decoder, stream, chunkSize);

        // then
        assertThat(results).containsExactly(
                new MllpFrameDecoder.Frame(ACK_1), new MllpFrameDecoder.Frame(ACK_2), new MllpFrameDecoder.Frame(ACK_1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void countsGarbageBetweenFramesAndResynchronises(int chunkSize) {
        // given
        byte[] stream = concat("noise".getBytes(StandardCharsets.US_ASCII), MllpFrames.frame(ACK_1),
                new byte[] {0x0D, 0x0A}, MllpFrames.frame(ACK_2));
        MllpFrameDecoder decoder = new MllpFrameDecoder(1024);

        // when
        List<MllpFrameDecoder.Result> results = feedInChunks(decoder, stream, chunkSize);

        // then
        assertThat(results).containsExactly(
                new MllpFrameDecoder.Failure("bytes outside a frame", 5), new MllpFrameDecoder.Frame(ACK_1),
                new MllpFrameDecoder.Failure("bytes outside a frame", 2), new MllpFrameDecoder.Frame(ACK_2));
    }

    @Test
    void dropsAFrameInterruptedByANewStartBlock() {
        // given
        byte[] truncated = new byte[] {0x0B, 'M', 'S', 'H'};
        byte[] stream = concat(truncated, MllpFrames.frame(ACK_1));
        MllpFrameDecoder decoder = new MllpFrameDecoder(1024);

        // when
        List<MllpFrameDecoder.Result> results = decoder.feed(stream, 0, stream.length);

        // then
        assertThat(results).containsExactly(
                new MllpFrameDecoder.Failure("frame interrupted by a new start block", 3),
                new MllpFrameDecoder.Frame(ACK_1));
    }

    @Test
    void keepsAnEndBlockThatIsNotFollowedByACarriageReturnAsData() {
        // given
        byte[] stream = new byte[] {0x0B, 'a', 0x1C, 'b', 0x1C, 0x0D};
        MllpFrameDecoder decoder = new MllpFrameDecoder(1024);

        // when
        List<MllpFrameDecoder.Result> results = decoder.feed(stream, 0, stream.length);

        // then
        assertThat(results).containsExactly(new MllpFrameDecoder.Frame("a\u001Cb"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64})
    void dropsAFrameLongerThanTheBoundAndKeepsTheNext(int chunkSize) {
        // given
        byte[] tooLong = MllpFrames.frame("x".repeat(500));
        byte[] stream = concat(tooLong, MllpFrames.frame(ACK_1));
        MllpFrameDecoder decoder = new MllpFrameDecoder(ACK_1.length());

        // when
        List<MllpFrameDecoder.Result> results = feedInChunks(decoder, stream, chunkSize);

        // then
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOfSatisfying(MllpFrameDecoder.Failure.class,
                failure -> assertThat(failure.reason()).contains("longer than"));
        assertThat(results.get(1)).isEqualTo(new MllpFrameDecoder.Frame(ACK_1));
    }

    private static List<MllpFrameDecoder.Result> feedInChunks(MllpFrameDecoder decoder, byte[] stream, int chunk) {
        List<MllpFrameDecoder.Result> results = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunk) {
            results.addAll(decoder.feed(stream, offset, Math.min(chunk, stream.length - offset)));
        }
        return results;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
