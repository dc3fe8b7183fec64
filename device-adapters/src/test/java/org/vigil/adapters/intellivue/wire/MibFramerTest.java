package org.vigil.adapters.intellivue.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.adapters.intellivue.wire.TestBytes.concat;
import static org.vigil.adapters.intellivue.wire.TestBytes.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MibFramerTest {

    private static final byte[] SHORT = hex("E1 00 00 02 00 02 00 00");
    private static final byte[] NEEDS_ESCAPES = hex("C0 01 C1 02 7D 03 7D C0 C1");

    @Test
    void computesThePppFrameCheckSequenceOfThePublishedExamples() {
        // given: the two FCS examples of OpenICE's TestFCSOutputStream (mdpnp/mdpnp, intellivue package)
        byte[] plain = hex("3A 71");
        byte[] escaped = hex("3A 91");

        // then: sent low byte first: 9B 26, and 95 C1 (which goes on the wire as 95 7D E1)
        assertThat(Fcs16.of(plain, 0, 2)).isEqualTo(0x269B);
        assertThat(Fcs16.of(escaped, 0, 2)).isEqualTo(0xC195);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void decodesGoldenFramesFedInChunksOfAnySize(int chunkSize) {
        // given
        List<byte[]> payloads = List.of(SHORT, NEEDS_ESCAPES, TestBytes.capture(1), TestBytes.capture(3));
        byte[] stream = concat(payloads.stream().map(MibFrameEncoder::encode).toArray(byte[][]::new));
        MibFramer framer = new MibFramer();

        // when
        List<MibFrameResult> results = new ArrayList<>();
        for (int i = 0; i < stream.length; i += chunkSize) {
            results.addAll(framer.feed(stream, i, Math.min(chunkSize, stream.length - i)));
        }

        // then
        assertThat(payloadsOf(results)).containsExactlyElementsOf(payloads);
        assertThat(framer.failureCount()).isZero();
        assertThat(framer.frameCount()).isEqualTo(4);
    }

    @Test
    void decodesSeveralFramesFromOneChunk() {
        // given
        byte[] stream = concat(MibFrameEncoder.encode(SHORT), MibFrameEncoder.encode(NEEDS_ESCAPES),
                MibFrameEncoder.encode(SHORT));

        // when
        List<MibFrameResult> results = new MibFramer().feed(stream);

        // then
        assertThat(payloadsOf(results)).containsExactly(SHORT, NEEDS_ESCAPES, SHORT);
    }

    @Test
    void escapesFlagAndEscapeBytesInsideTheFrame() {
        // when
        byte[] frame = MibFrameEncoder.encode(NEEDS_ESCAPES);

        // then: only the first and last bytes are flags; every C0 C1 7D of the payload travels escaped
        byte[] inside = Arrays.copyOfRange(frame, 1, frame.length - 1);
        assertThat(frame[0]).isEqualTo((byte) 0xC0);
        assertThat(frame[frame.length - 1]).isEqualTo((byte) 0xC1);
        assertThat(inside).doesNotContain((byte) 0xC0, (byte) 0xC1);
        assertThat(Arrays.copyOfRange(frame, 1, 5)).containsExactly(hex("11 01 00 09"));
        assertThat(Arrays.copyOfRange(frame, 5, 20))
                .containsExactly(hex("7D E0 01 7D E1 02 7D 5D 03 7D 5D 7D E0 7D E1"));
    }

    @Test
    void escapesALengthByteAndFcsBytesThatLookLikeFlags() {
        // given: 125 bytes make the length byte 0x7D; the payload is then varied until the FCS holds a flag byte
        byte[] payload = new byte[125];
        int fcs;
        do {
            payload[0]++;
            byte[] data = concat(hex("11 01 00 7D"), payload);
            fcs = Fcs16.of(data, 0, data.length);
        } while (!isFlagOrEscape(fcs & 0xFF) && !isFlagOrEscape(fcs >>> 8));

        // when
        byte[] frame = MibFrameEncoder.encode(payload);
        List<MibFrameResult> results = new MibFramer().feed(frame);

        // then
        assertThat(Arrays.copyOfRange(frame, 1, 6)).containsExactly(hex("11 01 00 7D 5D"));
        assertThat(payloadsOf(results)).containsExactly(payload);
    }

    @Test
    void decodesAFrameWhoseEscapeIsTheLastByteOfAChunk() {
        // given
        byte[] frame = MibFrameEncoder.encode(NEEDS_ESCAPES);
        int afterFirstEscape = indexOf(frame, (byte) 0x7D) + 1;
        MibFramer framer = new MibFramer();

        // when
        List<MibFrameResult> first = framer.feed(Arrays.copyOfRange(frame, 0, afterFirstEscape));
        List<MibFrameResult> second = framer.feed(Arrays.copyOfRange(frame, afterFirstEscape, frame.length));

        // then
        assertThat(first).isEmpty();
        assertThat(payloadsOf(second)).containsExactly(NEEDS_ESCAPES);
    }

    @Test
    void countsABadFcsAndDecodesTheNextFrame() {
        // given
        byte[] bad = MibFrameEncoder.encode(SHORT);
        bad[6] ^= 0x04;

        // when
        MibFramer framer = new MibFramer();
        List<MibFrameResult> results = framer.feed(concat(bad, MibFrameEncoder.encode(SHORT)));

        // then
        assertThat(results).hasSize(2).first().isEqualTo(new MibFrameResult.Failure(FrameFailure.BAD_FCS));
        assertThat(payloadsOf(results)).containsExactly(SHORT);
        assertThat(framer.failureCounts()).isEqualTo(Map.of(FrameFailure.BAD_FCS, 1L));
    }

    @Test
    void countsATruncatedFrameWhenTheNextFrameBegins() {
        // given
        byte[] whole = MibFrameEncoder.encode(TestBytes.capture(1));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        // when
        MibFramer framer = new MibFramer();
        List<MibFrameResult> results = framer.feed(concat(truncated, MibFrameEncoder.encode(SHORT)));

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.TRUNCATED);
        assertThat(payloadsOf(results)).containsExactly(SHORT);
    }

    @Test
    void countsAFrameTooShortForHeaderAndFcs() {
        // when
        List<MibFrameResult> results = new MibFramer().feed(hex("C0 11 01 C1"));

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.TRUNCATED);
    }

    @Test
    void countsALengthLargerThanTheFrame() {
        // given: a well-checksummed frame whose header claims five more bytes than it carries
        byte[] frame = frameWithHeader(hex("11 01 00 0D"), SHORT);

        // when
        MibFramer framer = new MibFramer();
        List<MibFrameResult> results = framer.feed(concat(frame, MibFrameEncoder.encode(SHORT)));

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.LENGTH_MISMATCH);
        assertThat(payloadsOf(results)).containsExactly(SHORT);
    }

    @Test
    void countsAHeaderOfAnotherProtocol() {
        // when
        List<MibFrameResult> results = new MibFramer().feed(frameWithHeader(hex("12 01 00 08"), SHORT));

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.BAD_HEADER);
    }

    @Test
    void countsAFrameAbortedByAnEscapeBeforeTheEndFlag() {
        // given
        byte[] whole = MibFrameEncoder.encode(SHORT);
        byte[] aborted = concat(Arrays.copyOf(whole, 8), hex("7D C1"));

        // when
        MibFramer framer = new MibFramer();
        List<MibFrameResult> results = framer.feed(concat(aborted, whole));

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.ESCAPE_AT_END);
        assertThat(payloadsOf(results)).containsExactly(SHORT);
    }

    @Test
    void countsGarbageBeforeAndBetweenFramesOncePerRun() {
        // given
        byte[] frame = MibFrameEncoder.encode(SHORT);
        byte[] stream = concat(hex("01 02 03 C1 7D"), frame, hex("FF EE"), frame);

        // when
        MibFramer framer = new MibFramer();
        List<MibFrameResult> results = framer.feed(stream);

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.GARBAGE, FrameFailure.GARBAGE);
        assertThat(payloadsOf(results)).containsExactly(SHORT, SHORT);
    }

    @Test
    void dropsAnOversizeFrameWithoutBufferingItAndDecodesTheNext() {
        // given
        MibFramer framer = new MibFramer(16);
        byte[] big = MibFrameEncoder.encode(new byte[40]);

        // when
        List<MibFrameResult> results = framer.feed(concat(big, MibFrameEncoder.encode(SHORT)));

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.OVERSIZE);
        assertThat(payloadsOf(results)).containsExactly(SHORT);
    }

    @Test
    void dropsAFrameThatRunsPastTheBufferWithoutAnyLengthHint() {
        // given: endless payload bytes after a header that claims a small frame
        MibFramer framer = new MibFramer(16);
        byte[] runaway = concat(hex("C0 11 01 00 08"), new byte[100]);

        // when
        List<MibFrameResult> results = framer.feed(concat(runaway, hex("C1"), MibFrameEncoder.encode(SHORT)));

        // then
        assertThat(failuresOf(results)).containsExactly(FrameFailure.OVERSIZE);
        assertThat(payloadsOf(results)).containsExactly(SHORT);
    }

    static List<byte[]> payloadsOf(List<MibFrameResult> results) {
        return results.stream()
                .filter(MibFrameResult.Frame.class::isInstance)
                .map(r -> ((MibFrameResult.Frame) r).payload())
                .toList();
    }

    static List<FrameFailure> failuresOf(List<MibFrameResult> results) {
        return results.stream()
                .filter(MibFrameResult.Failure.class::isInstance)
                .map(r -> ((MibFrameResult.Failure) r).reason())
                .toList();
    }

    /** A frame with this exact header and a correct FCS, escaped as on the wire. */
    static byte[] frameWithHeader(byte[] header, byte[] payload) {
        byte[] data = concat(header, payload);
        int fcs = Fcs16.of(data, 0, data.length);
        ByteWriter out = new ByteWriter().u8(0xC0);
        for (byte b : concat(data, new byte[] {(byte) fcs, (byte) (fcs >>> 8)})) {
            if (isFlagOrEscape(b & 0xFF)) {
                out.u8(0x7D).u8((b & 0xFF) ^ 0x20);
            } else {
                out.u8(b & 0xFF);
            }
        }
        return out.u8(0xC1).toByteArray();
    }

    private static boolean isFlagOrEscape(int b) {
        return b == 0xC0 || b == 0xC1 || b == 0x7D;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
