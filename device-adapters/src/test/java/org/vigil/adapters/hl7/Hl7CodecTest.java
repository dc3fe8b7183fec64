package org.vigil.adapters.hl7;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.adapters.hl7.wire.Mllp;
import org.vigil.adapters.hl7.wire.MllpEvent;
import org.vigil.adapters.hl7.wire.Pcd01Examples;
import org.vigil.adapters.transport.CodecOutput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Hl7CodecTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String GATEWAY_NIBP = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);
    private static final String MONITOR = Pcd01Examples.load(Pcd01Examples.GE_B40_MONITOR);
    private static final String SMALL = "MSH|^~\\&|GW|ICU|||20240305101500||ORU^R01^ORU_R01|S-1|P|2.6\r";

    private final Hl7Counters statistics = new Hl7Counters();
    private final Hl7Codec codec = new Hl7Codec(1024 * 1024, statistics, "chair 3 monitor");

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void deliversEveryGoldenMessageInOrderWhateverTheChunkSize(int chunkSize) {
        // given
        codec.connected(NOW);
        byte[] stream = concat(Mllp.wrap(GATEWAY_NIBP), Mllp.wrap(MONITOR), Mllp.wrap(SMALL));

        // when
        List<CodecOutput<MllpEvent>> outputs = feedInChunks(stream, chunkSize);

        // then
        assertThat(messages(outputs)).containsExactly(GATEWAY_NIBP, MONITOR, SMALL);
        assertThat(failures(outputs)).isEmpty();
        assertThat(outputs.stream().mapToInt(CodecOutput::framesDecoded).sum()).isEqualTo(3);
        assertThat(outputs).allSatisfy(output -> assertThat(output.writes()).isEmpty());
    }

    @Test
    void deliversSeveralMessagesArrivingInOneChunk() {
        // given
        codec.connected(NOW);

        // when
        CodecOutput<MllpEvent> output = codec.received(
                concat(Mllp.wrap(SMALL), Mllp.wrap(GATEWAY_NIBP), Mllp.wrap(MONITOR), Mllp.wrap(SMALL)), NOW);

        // then
        assertThat(messages(List.of(output))).containsExactly(SMALL, GATEWAY_NIBP, MONITOR, SMALL);
        assertThat(output.failures()).isEmpty();
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void reportsLineNoiseAsFailuresAndStillDeliversTheMessagesAfterIt(int chunkSize) {
        // given
        codec.connected(NOW);
        byte[] noise = "+++ATH\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] stream = concat(noise, Mllp.wrap(GATEWAY_NIBP), noise, Mllp.wrap(SMALL));

        // when
        List<CodecOutput<MllpEvent>> outputs = feedInChunks(stream, chunkSize);

        // then
        assertThat(messages(outputs)).containsExactly(GATEWAY_NIBP, SMALL);
        assertThat(failures(outputs)).isNotEmpty().allSatisfy(reason -> assertThat(reason)
                .endsWith("bytes outside MLLP frames, skipped"));
        assertThat(statistics.bytesSkipped()).isEqualTo(2L * noise.length);
    }

    @Test
    void handsOnAnOversizedMessageSoItCanBeRejectedAndReportsIt() {
        // given
        Hl7Codec strict = new Hl7Codec(400, statistics, "chair 3 monitor");
        strict.connected(NOW);

        // when
        CodecOutput<MllpEvent> output = strict.received(concat(Mllp.wrap(GATEWAY_NIBP), Mllp.wrap(SMALL)), NOW);

        // then
        assertThat(output.results()).hasSize(2);
        assertThat(output.results().get(0)).isInstanceOfSatisfying(MllpEvent.Oversized.class, oversized ->
                assertThat(new String(oversized.head(), StandardCharsets.UTF_8)).startsWith("MSH|"));
        assertThat(messages(List.of(output))).containsExactly(SMALL);
        assertThat(output.failures()).containsExactly("MLLP frame longer than 400 bytes, dropped");
    }

    @Test
    void reportsAMessageCutShortByANewStartBlock() {
        // given
        codec.connected(NOW);
        byte[] unfinished = Arrays.copyOf(Mllp.wrap(SMALL), 20);

        // when
        CodecOutput<MllpEvent> output = codec.received(concat(unfinished, Mllp.wrap(SMALL)), NOW);

        // then
        assertThat(messages(List.of(output))).containsExactly(SMALL);
        assertThat(output.failures()).containsExactly("MLLP frame of 19 bytes cut short by a new start block, dropped");
        assertThat(statistics.framesTruncated()).isEqualTo(1);
    }

    @Test
    void forgetsAHalfMessageWhenTheLineReconnects() {
        // given
        codec.connected(NOW);
        byte[] whole = Mllp.wrap(GATEWAY_NIBP);
        codec.received(Arrays.copyOf(whole, 100), NOW);

        // when
        codec.disconnected(NOW);
        codec.connected(NOW);
        CodecOutput<MllpEvent> output = codec.received(
                concat(Arrays.copyOfRange(whole, 100, whole.length), Mllp.wrap(SMALL)), NOW);

        // then
        assertThat(messages(List.of(output))).containsExactly(SMALL);
        assertThat(output.failures()).singleElement().asString().endsWith("bytes outside MLLP frames, skipped");
    }

    private List<CodecOutput<MllpEvent>> feedInChunks(byte[] stream, int chunkSize) {
        List<CodecOutput<MllpEvent>> outputs = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunkSize) {
            outputs.add(codec.received(Arrays.copyOfRange(stream, offset, Math.min(stream.length, offset + chunkSize)), NOW));
        }
        return outputs;
    }

    private static List<String> messages(List<CodecOutput<MllpEvent>> outputs) {
        return outputs.stream().flatMap(output -> output.results().stream())
                .filter(MllpEvent.Frame.class::isInstance)
                .map(frame -> new String(((MllpEvent.Frame) frame).payload(), StandardCharsets.UTF_8))
                .toList();
    }

    private static List<String> failures(List<CodecOutput<MllpEvent>> outputs) {
        return outputs.stream().flatMap(output -> output.failures().stream()).toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
