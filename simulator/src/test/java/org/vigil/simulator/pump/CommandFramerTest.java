package org.vigil.simulator.pump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandFramerTest {

    private static final String POLL = "!INF|4961\r";
    private static final String PROGRAMME = "!INF_PROG|86FD\r";

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void takesCommandsInChunksOfAnySize(int chunkSize) {
        // given
        byte[] stream = (PROGRAMME + POLL + "!INF_RATE^52.5^ml/h|715B\r").getBytes(StandardCharsets.US_ASCII);
        CommandFramer framer = new CommandFramer();

        // when
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < stream.length; i += chunkSize) {
            byte[] chunk = Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunkSize));
            bodies.addAll(framer.feed(chunk, chunk.length));
        }

        // then
        assertThat(bodies).containsExactly("INF_PROG", "INF", "INF_RATE^52.5^ml/h");
        assertThat(framer.badFrames()).isZero();
    }

    @Test
    void dropsBadCrcsGarbageAndOversizeFramesAndTakesTheNextCommand() {
        // given
        String stream = "!INF|4962\r" + "noise" + "!INF^" + "X".repeat(200) + "|0000\r" + "!IN\u0001F|4961\r" + POLL;
        CommandFramer framer = new CommandFramer();

        // when
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        List<String> bodies = framer.feed(bytes, bytes.length);

        // then
        assertThat(bodies).containsExactly("INF");
        assertThat(framer.badFrames()).isEqualTo(3);
        assertThat(framer.goodFrames()).isEqualTo(1);
    }
}
