package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialFramesTest {

    private static final byte[] WITH_FLAGS = MessageBuilder.fromHex("C0 7D C1 00 C1 C0 7D");

    @Test
    void computesThePublishedFrameCheckSequences() {
        // given: the examples of OpenICE's TestFCSOutputStream (mdpnp/mdpnp)
        byte[] first = MessageBuilder.fromHex("3A 71");
        byte[] second = MessageBuilder.fromHex("3A 91");

        // then
        assertThat(PppFcs.compute(first, 0, 2)).isEqualTo(0x269B);
        assertThat(PppFcs.compute(second, 0, 2)).isEqualTo(0xC195);
    }

    @Test
    void escapesFlagsAndEscapesInsideTheFrame() {
        // when
        byte[] frame = SerialFrames.wrap(WITH_FLAGS);

        // then
        byte[] inside = Arrays.copyOfRange(frame, 1, frame.length - 1);
        assertThat(frame[0]).isEqualTo((byte) 0xC0);
        assertThat(frame[frame.length - 1]).isEqualTo((byte) 0xC1);
        assertThat(inside).doesNotContain((byte) 0xC0, (byte) 0xC1);
        assertThat(Arrays.copyOfRange(frame, 1, 5)).containsExactly(0x11, 0x01, 0x00, 0x07);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void readsFramesFedInChunksOfAnySize(int chunkSize) {
        // given
        List<byte[]> messages = List.of(PublishedClientMessages.ASSOCIATION_REQUEST, WITH_FLAGS,
                PublishedClientMessages.EXTENDED_NUMERIC_POLL);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        messages.forEach(m -> stream.writeBytes(SerialFrames.wrap(m)));
        byte[] bytes = stream.toByteArray();
        SerialFrames.Reader reader = new SerialFrames.Reader(1024);

        // when
        List<byte[]> read = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            read.addAll(reader.push(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunkSize))));
        }

        // then
        assertThat(read).containsExactlyElementsOf(messages);
        assertThat(reader.rejected()).isZero();
    }

    @Test
    void rejectsDamagedFramesAndReadsTheNextOne() {
        // given
        byte[] good = SerialFrames.wrap(PublishedClientMessages.SINGLE_NUMERIC_POLL);
        byte[] badFcs = good.clone();
        badFcs[10] ^= 0x10;
        byte[] truncated = Arrays.copyOf(good, 12);
        byte[] aborted = Arrays.copyOf(good, good.length + 1);
        aborted[good.length - 1] = 0x7D;
        aborted[good.length] = (byte) 0xC1;
        byte[] tooLong = SerialFrames.wrap(new byte[300]);
        byte[] garbage = {1, 2, 3, (byte) 0xC1};
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] part : List.of(garbage, badFcs, truncated, aborted, tooLong, good)) {
            stream.writeBytes(part);
        }
        SerialFrames.Reader reader = new SerialFrames.Reader(100);

        // when
        List<byte[]> read = reader.push(stream.toByteArray());

        // then
        assertThat(read).containsExactly(PublishedClientMessages.SINGLE_NUMERIC_POLL);
        assertThat(reader.rejected()).isEqualTo(4);
    }

    @Test
    void rejectsAFrameWhoseHeaderLengthIsWrong() {
        // given: a correct FCS over a header that claims nine bytes for one
        byte[] body = MessageBuilder.fromHex("11 01 00 09 00");
        int fcs = PppFcs.compute(body, 0, body.length);
        byte[] frame = MessageBuilder.create().u8(0xC0).raw(body).u8(fcs).u8(fcs >> 8).u8(0xC1).build();
        SerialFrames.Reader reader = new SerialFrames.Reader(100);

        // then
        assertThat(reader.push(frame)).isEmpty();
        assertThat(reader.rejected()).isEqualTo(1);
    }
}
