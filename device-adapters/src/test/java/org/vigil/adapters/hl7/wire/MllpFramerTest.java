package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MllpFramerTest {

    private static final String FIRST = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|1|P|2.6\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72\r";
    private static final String SECOND = "MSH|^~\\&|GW|ICU|||20240305101501||ORU^R01^ORU_R01|2|P|2.6\r";
    private static final String THIRD = "MSH|^~\\&|GW|ICU|||20240305101502||ORU^R01^ORU_R01|3|P|2.6\rOBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97\r";

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void yieldsEveryGoldenFrameWhateverTheChunkSize(int chunkSize) {
        // given
        byte[] stream = concat(Mllp.wrap(FIRST), Mllp.wrap(SECOND), Mllp.wrap(THIRD));
        MllpFramer framer = new MllpFramer();

        // when
        List<MllpEvent> events = pushInChunks(framer, stream, chunkSize);

        // then
        assertThat(frameTexts(events)).containsExactly(FIRST, SECOND, THIRD);
        assertThat(events).allMatch(MllpEvent.Frame.class::isInstance);
        assertThat(framer.framesCompleted()).isEqualTo(3);
    }

    @Test
    void yieldsSeveralFramesFromOneChunk() {
        // given
        byte[] stream = concat(Mllp.wrap(FIRST), Mllp.wrap(SECOND), Mllp.wrap(THIRD));

        // when
        List<MllpEvent> events = new MllpFramer().push(stream);

        // then
        assertThat(frameTexts(events)).containsExactly(FIRST, SECOND, THIRD);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void skipsAndCountsGarbageBetweenFrames(int chunkSize) {
        // given
        byte[] garbage = "noise\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] stream = concat(garbage, Mllp.wrap(FIRST), garbage, new byte[] {0x00, (byte) 0xFF}, Mllp.wrap(SECOND));
        MllpFramer framer = new MllpFramer();

        // when
        List<MllpEvent> events = pushInChunks(framer, stream, chunkSize);

        // then
        assertThat(frameTexts(events)).containsExactly(FIRST, SECOND);
        int skipped = events.stream().filter(MllpEvent.Skipped.class::isInstance)
                .mapToInt(e -> ((MllpEvent.Skipped) e).bytes()).sum();
        assertThat(skipped).isEqualTo(2 * garbage.length + 2);
        assertThat(framer.bytesSkipped()).isEqualTo(2L * garbage.length + 2);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void dropsAFrameLongerThanTheBoundAndResynchronisesOnTheNextStartBlock(int chunkSize) {
        // given
        String oversized = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|BIG|P|2.6\r" + "OBX|1|ST|||x\r".repeat(20);
        MllpFramer framer = new MllpFramer(100);
        byte[] stream = concat(Mllp.wrap(oversized), Mllp.wrap(SECOND));

        // when
        List<MllpEvent> events = pushInChunks(framer, stream, chunkSize);

        // then
        assertThat(frameTexts(events)).containsExactly(SECOND);
        List<MllpEvent.Oversized> dropped = events.stream().filter(MllpEvent.Oversized.class::isInstance)
                .map(MllpEvent.Oversized.class::cast).toList();
        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).limit()).isEqualTo(100);
        assertThat(new String(dropped.get(0).head(), StandardCharsets.US_ASCII)).startsWith("MSH|^~\\&|GW|ICU").contains("|BIG|");
        assertThat(framer.framesOversized()).isEqualTo(1);
        assertThat(framer.bytesSkipped()).isZero();
    }

    @Test
    void keepsAFrameExactlyAsLongAsTheBound() {
        // given
        MllpFramer framer = new MllpFramer(SECOND.length());

        // when
        List<MllpEvent> events = framer.push(Mllp.wrap(SECOND));

        // then
        assertThat(frameTexts(events)).containsExactly(SECOND);
    }

    @Test
    void restartsTheFrameWhenAStartBlockArrivesInsideAnUnterminatedFrame() {
        // given
        byte[] unterminated = Arrays.copyOf(Mllp.wrap(FIRST), 30);
        byte[] stream = concat(unterminated, Mllp.wrap(SECOND));
        MllpFramer framer = new MllpFramer();

        // when
        List<MllpEvent> events = framer.push(stream);

        // then
        assertThat(events).containsExactly(new MllpEvent.Truncated(29), frame(SECOND));
        assertThat(framer.framesTruncated()).isEqualTo(1);
    }

    @Test
    void acceptsAnEndBlockWithoutTheCarriageReturn() {
        // given
        byte[] first = Mllp.wrap(FIRST);
        byte[] withoutReturn = Arrays.copyOf(first, first.length - 1);

        // when
        List<MllpEvent> events = new MllpFramer().push(concat(withoutReturn, Mllp.wrap(SECOND)));

        // then
        assertThat(frameTexts(events)).containsExactly(FIRST, SECOND);
    }

    @Test
    void yieldsAFrameAsSoonAsItsEndBlockArrives() {
        // given
        byte[] block = Mllp.wrap(FIRST);
        MllpFramer framer = new MllpFramer();

        // when
        List<MllpEvent> events = framer.push(block, 0, block.length - 1);

        // then
        assertThat(frameTexts(events)).containsExactly(FIRST);
        assertThat(framer.push(new byte[] {Mllp.CARRIAGE_RETURN})).isEmpty();
    }

    @Test
    void wrapsAMessageInStartAndEndBlocks() {
        // when
        byte[] block = Mllp.wrap("MSA|AA|1\r");

        // then
        assertThat(block).startsWith(0x0B).endsWith(0x1C, 0x0D);
        assertThat(new String(block, 1, block.length - 3, StandardCharsets.US_ASCII)).isEqualTo("MSA|AA|1\r");
    }

    private static List<MllpEvent> pushInChunks(MllpFramer framer, byte[] stream, int chunkSize) {
        List<MllpEvent> events = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunkSize) {
            events.addAll(framer.push(stream, offset, Math.min(chunkSize, stream.length - offset)));
        }
        return events;
    }

    private static List<String> frameTexts(List<MllpEvent> events) {
        return events.stream().filter(MllpEvent.Frame.class::isInstance)
                .map(e -> new String(((MllpEvent.Frame) e).payload(), StandardCharsets.UTF_8)).toList();
    }

    private static MllpEvent.Frame frame(String text) {
        return new MllpEvent.Frame(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
